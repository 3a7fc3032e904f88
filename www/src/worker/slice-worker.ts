// One worker of the slice pool (./pool.ts): loads the engine and answers `psiBlind` slices.
import { E, errorData, need } from './engine';
import type { PsiBlindRequest } from 'dealteam';
import type { SliceReply } from './pool';

const ready = typeof E.default === 'function' ? E.default().then(() => undefined) : Promise.resolve();

self.onmessage = async (ev: MessageEvent<{ id: number; req: PsiBlindRequest }>) => {
  const { id, req } = ev.data;
  let reply: SliceReply;
  try {
    await ready;
    reply = { id, result: need('psiBlind')(req) };
  } catch (e) {
    reply = { id, error: errorData(e) };
  }
  (self as unknown as Worker).postMessage(reply);
};
