// The panel's one way of writing a moment: the business time zone's date and
// time with its offset ("2026-12-02 15:24 UTC+01:00"), whatever the browser's
// own zone. A date without a time (a period's first day) stays as stored.
const pad = (parts, type) => parts.find((p) => p.type === type)?.value ?? '';

export function formatMoment(value, timeZone) {
  if (value === undefined || value === null || value === '') return '—';
  const text = String(value);
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return text;
  const date = new Date(text);
  if (Number.isNaN(date.getTime())) return text;
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: timeZone || 'UTC',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZoneName: 'longOffset',
  }).formatToParts(date);
  const offset = pad(parts, 'timeZoneName').replace(/^GMT$/, 'GMT+00:00').replace(/^GMT/, 'UTC');
  return `${pad(parts, 'year')}-${pad(parts, 'month')}-${pad(parts, 'day')} ${pad(parts, 'hour')}:${pad(parts, 'minute')} ${offset}`;
}

// What a status means, by its colour: done green, refused or failed red, waiting amber; anything else grey.
const GOOD =
  /^(done|paid|completed?|succeeded|success|sent|delivered|active|hired|passed|won|settled|ready|accepted|approved|issued|verified|closed)$/;
const BAD = /^(failed|refused|rejected|cancell?ed|disabled|lost|gave_up|given_up|expired|declined|no_show|disputed|error)$/;
const WAITING =
  /^(open|pending|created|reported|unpaid|due|queued|retrying|in_progress|assigned|scheduled|draft|waiting|new|submitted|started|matching|unmatched|in_review|reviewing|preparing|packed)$/;

export function statusTone(value) {
  const text = String(value ?? '').toLowerCase();
  if (GOOD.test(text)) return 'good';
  if (BAD.test(text)) return 'bad';
  if (WAITING.test(text)) return 'waiting';
  return 'neutral';
}

export const TONE_COLOURS = {
  good: { background: '#dcf5e3', color: '#116b31' },
  bad: { background: '#fde2e1', color: '#a4161a' },
  waiting: { background: '#fff1cc', color: '#8a5a00' },
  neutral: { background: '#eceef3', color: '#454655' },
};
