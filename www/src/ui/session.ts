// What the user was looking at — the open screen and the partner whose fit is explained —
// kept in this browser so that a reload comes back to it. (Results live in the workspace.)
const KEY = 'dealteam.ui.v1';

export interface UiState { tab?: string; partner?: string }

export function readUi(): UiState {
  try {
    const v = JSON.parse(localStorage.getItem(KEY) ?? '{}') as UiState;
    return v && typeof v === 'object' ? v : {};
  } catch {
    return {};
  }
}

export function writeUi(patch: UiState) {
  try { localStorage.setItem(KEY, JSON.stringify({ ...readUi(), ...patch })); } catch { /* storage full: nothing to keep */ }
}
