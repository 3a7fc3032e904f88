// The engine's messages about a plan's incentives in the words of the Incentives panel: steps
// of a commission schedule, tiers, milestones, holds and windows — what to change in the form,
// amounts in the currency's format, no field names of the engine.
import { money } from './format';

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export const INCENTIVE_RULES: [RegExp, (m: RegExpExecArray) => string][] = [
  [/toMonth (\d+) is before fromMonth (\d+)/, (m) => `This step ends in month ${m[1]}, before it starts (month ${m[2]}): make “To month” ${m[2]} or later.`],
  [/this bracket starts in month (\d+) but the bracket before covers months up to the end/, () => 'The step above has no end, so this one would never apply: give the step above a “To month”, or remove this step.'],
  [/this bracket starts in month (\d+) but the bracket before covers months up to (\d+)/, (m) => `This step starts in month ${m[1]}, but the step above runs to month ${m[2]}: start it in month ${Number(m[2]) + 1} or later (steps follow each other without overlap).`],
  [/months since booking start at 1/, () => 'Months count from 1, the month the customer is won: start the step in month 1 or later.'],
  [/(-?[\d.e+]+) is (negative|above 100); a rate is a percentage from 0 to 100/, (m) => `${m[1]}% is ${m[2] === 'negative' ? 'negative' : 'more than 100%'}: write a percentage from 0 to 100.`],
  [/tiers must be in ascending order of revenue: (\S+) is not above the tier before \(([^)]*)\)/, (m) => `Each tier starts above the one before: ${money(m[1])} is not above ${money(m[2])}. Raise it, or reorder the tiers.`],
  [/add at least one tier/, () => 'Add at least one tier, or remove this revenue bonus.'],
  [/milestones must be in ascending order of monthly consumption/, () => 'Each milestone needs more monthly usage than the one before: raise it, or reorder the milestones.'],
  [/(a hold|a clawback window|a reimbursement delay) of (\d+) months is longer than the plan's horizon of (\d+) months/, (m) => `${cap(m[1])} of ${m[2]} months is longer than the plan (${m[3]} months): shorten it to at most ${m[3]} months.`],
  [/the hold and (\d+) instalments every (\d+) months take (\d+) months, longer than the horizon of (\d+)/, (m) => `The hold and ${m[1]} instalments ${m[2]} months apart take ${m[3]} months, longer than the plan (${m[4]} months): use fewer or closer instalments, or a shorter hold.`],
  [/pay in at least 1 instalment/, () => 'Pay in at least 1 instalment.'],
  [/instalments are at least 1 month apart/, () => 'Instalments are at least 1 month apart.'],
  [/already names the same partner; merge/, () => 'Another rule of this kind already covers this partner: merge the two into one, or remove one.'],
  [/name either a `partner` \(its id\) or a `role`/, () => 'Choose who earns it: one partner, or every partner of a role.'],
  [/adoption rewards follow consumption growth/, () => 'Adoption rewards follow how much customers use the offer: choose a usage-based offer under “What is sold”, or remove the adoption rewards.'],
  [/claimRejectRate is a probability between 0 and 1/, () => 'The share of claims rejected is a percentage from 0 to 100.'],
  [/the clawback window of (\d+) months is longer than the customer's term of (\d+) months/, (m) => `The clawback window (${m[1]} months) is longer than a customer’s term (${m[2]} months): shorten it to ${m[2]} months or less.`],
  [/the MDF requests add up to (\S+), more than the pool of ([^:]+):/, (m) => `The marketing fund requests add up to ${money(m[1])}, more than the pool of ${money(m[2])}: the later requests will not be approved in full. Raise the contributions or lower the requests.`],
  [/no simulated outcome reaches (\S+) in a period \(the highest of \d+ trials is ([^)]*)\)/, (m) => `No simulated future reaches ${money(m[1])} of revenue in one period (the highest is ${money(m[2])}): lower this tier or remove it.`],
];
