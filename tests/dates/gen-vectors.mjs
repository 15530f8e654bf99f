// gen-vectors.mjs - writes the expected data for tests/unit/test_dates.c.
//
// Re-run from the repository root with Node.js 20 or later (full ICU):
//
//     node tests/dates/gen-vectors.mjs
//
// Its output IS the expected data of the date tests: every Solar Hijri and
// lunar Hijri date below comes from ICU (Intl.DateTimeFormat with the
// "persian" and "islamic-civil" calendars), every Gregorian date from the
// JavaScript Date object, never from src/dates.c. It writes
//
//   solar-hijri.tsv        every day of 1300-1450 SH:  gregorian<TAB>solar-hijri
//   lunar-hijri.tsv        every day of 1300-1500 AH:  gregorian<TAB>lunar-hijri
//   solar-hijri-years.tsv  first and last day of every year 1-9378 SH
//   lunar-hijri-years.tsv  first and last day of every year 1-9666 AH
//   gregorian-leap.tsv     year<TAB>days in February, years 1-9999
//   range.tsv              the edges of the supported range
//   icu-formats.tsv        dates as ICU itself prints them (full and long
//                          styles, and the numeric medium style of Arabic)
//                          in Dari, Persian, Pashto, Arabic (six countries)
//                          and English, in the three calendars:
//                          text<TAB>calendar<TAB>date<TAB>gregorian
//
// and it checks, without rewriting them, the hand-written facts in
// check.tsv (calendar<TAB>date<TAB>valid|invalid), fills the fourth
// column of parse.tsv (the Gregorian equivalent of each expected date: a
// day, or for a month, a year or a range of another calendar its first and
// last day; the first three columns are written by hand), checks that
// every weekday named in parse.tsv is that day's weekday by ICU, and
// checks the table of printed forms in README.md (each example's Gregorian
// form must be ICU's). It stops with an error if ICU disagrees with a spot
// check or a hand-written fact.
//
// ICU versions matter: ICU 76 and later correct the 33-year Solar Hijri
// rule from 1502 SH on (years 1502, 1601, 1634, ... are common, the year
// after each leap), to follow the astronomical calendar. ICU 74 and older
// do not, and would produce different data for those years.

import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const DIR = dirname(fileURLToPath(import.meta.url));
const DAY = 86400000;
const opts = { timeZone: 'UTC', year: 'numeric', month: 'numeric', day: 'numeric' };
const FMT = {
  'solar-hijri': new Intl.DateTimeFormat('en-u-ca-persian', opts),
  'lunar-hijri': new Intl.DateTimeFormat('en-u-ca-islamic-civil', opts),
};
const ERA = { 'solar-hijri': 'AP', 'lunar-hijri': 'AH' };

function fail(msg) {
  console.error('gen-vectors: ' + msg);
  process.exit(1);
}

for (const [cal, f] of Object.entries(FMT)) {
  const want = cal === 'solar-hijri' ? 'persian' : 'islamic-civil';
  if (f.resolvedOptions().calendar !== want) fail(`ICU has no ${want} calendar`);
}

// Days are counted from 1970-01-01, as JavaScript counts milliseconds.
function dayOf(y, m, d) {
  const t = new Date(0);
  t.setUTCFullYear(y, m - 1, d); // not Date.UTC: it maps years 0-99 to 1900+
  return Math.round(t.getTime() / DAY);
}

const pad = (n, w) => String(n).padStart(w, '0');
const ymd = (y, m, d) => `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`;

function gregorian(day) {
  const t = new Date(day * DAY);
  return ymd(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
}

// ICU's year, month and day of a day. formatToParts also returns literals
// and the era; take the numeric parts only, and refuse anything unexpected
// (a relatedYear or yearName part, a non-numeric month).
function icu(cal, day) {
  const p = {};
  for (const part of FMT[cal].formatToParts(new Date(day * DAY))) p[part.type] = part.value;
  if ('relatedYear' in p || 'yearName' in p || p.era !== ERA[cal]) fail(`odd parts ${JSON.stringify(p)}`);
  for (const k of ['year', 'month', 'day'])
    if (!/^-?[0-9]+$/.test(p[k] ?? '')) fail(`odd ${k} in ${JSON.stringify(p)}`);
  return [Number(p.year), Number(p.month), Number(p.day)];
}
const icuStr = (cal, day) => ymd(...icu(cal, day));

// Spot checks against well-known dates.
const SPOT = [
  ['2021-11-11', 'solar-hijri', '1400-08-20'], // 20 Aqrab 1400
  ['2024-03-20', 'solar-hijri', '1403-01-01'], // Nowruz 1403
  ['2025-03-21', 'solar-hijri', '1404-01-01'], // Nowruz 1404
  ['2025-03-20', 'solar-hijri', '1403-12-30'], // 1403 is leap
  ['2024-03-11', 'lunar-hijri', '1445-09-01'], // 1 Ramadan 1445, civil
  ['0622-07-19', 'lunar-hijri', '0001-01-01'], // 16 July 622 Julian
];
for (const [g, cal, want] of SPOT) {
  const [y, m, d] = g.split('-').map(Number);
  const got = icuStr(cal, dayOf(y, m, d));
  if (got !== want) fail(`spot check: ${g} is ${got} in ${cal}, expected ${want}`);
}
if (gregorian(dayOf(1582, 10, 4) + 1) !== '1582-10-05') fail('Date is not proleptic Gregorian');

// First day of every year of cal, from 1 until past 31 December 9999,
// found by stepping a year at a time and asking ICU.
function yearStarts(cal, first, length) {
  const starts = [null];
  let guess = first;
  for (let y = 1; ; y++) {
    let found = null;
    for (let k = -3; k <= 3 && found === null; k++) {
      const [yy, mm, dd] = icu(cal, guess + k);
      if (yy === y && mm === 1 && dd === 1) found = guess + k;
    }
    if (found === null) fail(`no first day of ${cal} year ${y}`);
    starts.push(found);
    if (found > LAST) return starts;
    guess = found + length;
  }
}

const FIRST = dayOf(1, 1, 1);
const LAST = dayOf(9999, 12, 31);
const STARTS = {
  'solar-hijri': yearStarts('solar-hijri', dayOf(622, 3, 21), 365),
  'lunar-hijri': yearStarts('lunar-hijri', dayOf(622, 7, 19), 354),
};

function write(name, header, lines) {
  writeFileSync(join(DIR, name), header.map((h) => '# ' + h + '\n').join('') + lines.join('\n') + '\n');
  console.log(`${name}: ${lines.length} lines`);
}

const GENERATED = 'Generated by gen-vectors.mjs from ICU ' + process.versions.icu + '; do not edit.';

function everyDay(cal, from, to) {
  const lines = [];
  const s = STARTS[cal];
  for (let day = s[from]; day < s[to + 1]; day++) lines.push(`${gregorian(day)}\t${icuStr(cal, day)}`);
  write(`${cal}.tsv`, [GENERATED, `Every day of ${cal} years ${from}-${to}: gregorian<TAB>${cal}.`], lines);
}

function yearEdges(cal) {
  const lines = [];
  const s = STARTS[cal];
  for (let y = 1; y + 1 < s.length; y++) {
    lines.push(`${gregorian(s[y])}\t${icuStr(cal, s[y])}`);
    if (s[y + 1] - 1 <= LAST) lines.push(`${gregorian(s[y + 1] - 1)}\t${icuStr(cal, s[y + 1] - 1)}`);
  }
  write(`${cal}-years.tsv`, [GENERATED,
    `First and last day of every ${cal} year up to 31 December 9999: gregorian<TAB>${cal}.`,
    'The last day tells whether the year is leap.'], lines);
}

everyDay('solar-hijri', 1300, 1450);
everyDay('lunar-hijri', 1300, 1500);
yearEdges('solar-hijri');
yearEdges('lunar-hijri');

{
  const lines = [];
  for (let y = 1; y <= 9999; y++) lines.push(`${y}\t${dayOf(y, 3, 1) - dayOf(y, 2, 1)}`);
  write('gregorian-leap.tsv', [GENERATED, 'year<TAB>days in February (JavaScript Date).'], lines);
}

{
  // gregorian<TAB>calendar<TAB>date<TAB>what: "same" (both exist and are the
  // same day), "before" (the Gregorian day is before year 1 of calendar),
  // "beyond" (the day after 31 December 9999: unsupported in both).
  const lines = [];
  for (const cal of Object.keys(FMT)) {
    const first = STARTS[cal][1];
    if (icu(cal, first - 1)[0] >= 1) fail(`${cal}: the day before year 1 is in year 1`);
    lines.push(`${gregorian(first)}\t${cal}\t${icuStr(cal, first)}\tsame`);
    lines.push(`${gregorian(first - 1)}\t${cal}\t-\tbefore`);
    lines.push(`${gregorian(LAST)}\t${cal}\t${icuStr(cal, LAST)}\tsame`);
    lines.push(`10000-01-01\t${cal}\t${icuStr(cal, LAST + 1)}\tbeyond`);
  }
  lines.push(`${gregorian(FIRST)}\tgregorian\t${gregorian(FIRST)}\tsame`);
  write('range.tsv', [GENERATED, 'gregorian<TAB>calendar<TAB>date<TAB>same|before|beyond'], lines);
}

// The day on which cal has y-m-d, or null if it has no such date. Looks
// only inside year y as ICU delimits it.
function findDay(cal, y, m, d) {
  if (cal === 'gregorian') {
    if (y < 1 || y > 9999 || m < 1 || m > 12 || d < 1) return null;
    const day = dayOf(y, m, d);
    return gregorian(day) === ymd(y, m, d) ? day : null;
  }
  const s = STARTS[cal];
  if (y < 1 || y + 1 >= s.length) return null;
  for (let day = s[y]; day < s[y + 1]; day++) {
    const [, mm, dd] = icu(cal, day);
    if (mm === m && dd === d) return day <= LAST ? day : null;
  }
  return null;
}

const parseDate = (s) => s.split('-').map(Number);

{
  let n = 0;
  for (const line of readFileSync(join(DIR, 'check.tsv'), 'utf8').split('\n')) {
    if (line === '' || line.startsWith('#')) continue;
    const [cal, date, want] = line.split('\t');
    const exists = findDay(cal, ...parseDate(date)) !== null;
    if (exists !== (want === 'valid')) fail(`check.tsv: ICU says ${cal} ${date} is ${exists ? 'valid' : 'invalid'}`);
    n++;
  }
  console.log(`check.tsv: ${n} facts confirmed`);
}

// The first and last day of "YYYY", "YYYY-MM" or "YYYY-MM-DD" in cal, or
// null if ICU has no such date.
const yearStart = (cal, y) => (cal === 'gregorian' ? dayOf(y, 1, 1) : STARTS[cal][y] ?? null);
function partDays(cal, iso) {
  const [y, m, d] = iso.split('-').map(Number);
  if (d !== undefined) {
    const day = findDay(cal, y, m, d);
    return day === null ? null : [day, day];
  }
  const first = m === undefined ? yearStart(cal, y) : findDay(cal, y, m, 1);
  const next = m === undefined || m === 12 ? yearStart(cal, y + 1) : findDay(cal, y, m + 1, 1);
  return first === null || next === null || first > LAST ? null : [first, Math.min(next - 1, LAST)];
}

// "cal A" or "cal A/B" -> [first day, last day, its Gregorian form]: the
// same text in the Gregorian calendar, else full dates (one if one day).
function periodOf(expected) {
  const [cal, iso] = expected.split(' ');
  const ends = iso.split('/').map((p) => partDays(cal, p));
  if (ends.some((e) => e === null) || ends[ends.length - 1][1] < ends[0][0]) return null;
  const first = ends[0][0], last = ends[ends.length - 1][1];
  const greg = cal === 'gregorian' ? iso : first === last && !iso.includes('/') ? gregorian(first)
    : `${gregorian(first)}/${gregorian(last)}`;
  return [first, last, greg];
}

// ICU's weekday names (Sunday = 0) in the languages parse.tsv prints them,
// folded like the letters oxus folds, so that spelling variants meet.
const fold = (w) => w.toLowerCase().replace(/[\u200c\u200d\u0640\u064b-\u065f]/g, '')
  .replace(/[يىۍې]/g, 'ی').replace(/ك/g, 'ک').replace(/ة/g, 'ه').replace(/[أإآ]/g, 'ا').replace(/ګ/g, 'گ');
const WEEKDAYS = new Map();
for (const loc of ['en', 'fa', 'fa-AF', 'ps', 'ar'])
  for (const style of ['long', 'short'])
    for (let wd = 0; wd < 7; wd++)
      WEEKDAYS.set(fold(new Intl.DateTimeFormat(loc, { timeZone: 'UTC', weekday: style })
        .format(new Date((dayOf(2023, 1, 1) + wd) * DAY)).replace(/\.$/, '')), wd);

// The weekdays ICU knows that a text names: whole words, or two words
// written apart ("سه شنبه" for "سه‌شنبه").
function weekdaysIn(text) {
  const words = text.split(/[\s,،.()«»:]+/).filter(Boolean).map(fold), found = [];
  for (let i = 0; i < words.length; i++) {
    const two = i + 1 < words.length ? words[i] + words[i + 1] : null;
    if (two !== null && WEEKDAYS.has(two)) found.push(WEEKDAYS.get(two)), i++;
    else if (WEEKDAYS.has(words[i])) found.push(WEEKDAYS.get(words[i]));
  }
  return found;
}
const weekdayOf = (day) => ((day % 7) + 7 + 4) % 7; // 1970-01-01 was a Thursday

{
  const out = [];
  let n = 0, w = 0;
  for (const line of readFileSync(join(DIR, 'parse.tsv'), 'utf8').replace(/\n$/, '').split('\n')) {
    if (line === '' || line.startsWith('#')) {
      out.push(line);
      continue;
    }
    const f = line.split('\t');
    if (f.length < 3) fail(`parse.tsv: too few columns: ${line}`);
    if (!f[2].startsWith('error')) {
      const p = periodOf(f[2]);
      if (p === null) fail(`parse.tsv: ICU has no ${f[2]}`);
      for (const wd of weekdaysIn(f[0])) {
        if (wd !== weekdayOf(p[0]) && wd !== weekdayOf(p[1])) fail(`parse.tsv: ${f[0]}: ICU says another weekday`);
        w++;
      }
      f[3] = p[2];
      n++;
    }
    out.push(f.slice(0, 4).join('\t'));
  }
  writeFileSync(join(DIR, 'parse.tsv'), out.join('\n') + '\n');
  console.log(`parse.tsv: ${n} Gregorian forms filled in, ${w} printed weekdays confirmed`);
}

{
  // Dates as ICU prints them: every 13th day of 2020-2023 (every month and
  // weekday of each calendar), in each locale, calendar and style.
  const LOCALES = ['fa', 'fa-AF', 'ps', 'ar', 'ar-EG', 'ar-SA', 'ar-SY', 'ar-IQ', 'ar-LB', 'ar-DZ', 'ar-TN',
    'ar-MA', 'en'];
  const CALS = { persian: 'solar-hijri', 'islamic-civil': 'lunar-hijri', gregory: 'gregorian' };
  const lines = [];
  for (const loc of LOCALES)
    for (const [ca, cal] of Object.entries(CALS))
      for (const style of loc.startsWith('ar') ? ['full', 'long', 'medium'] : ['full', 'long']) {
        const f = new Intl.DateTimeFormat(`${loc}-u-ca-${ca}`, { timeZone: 'UTC', dateStyle: style });
        if (f.resolvedOptions().calendar !== ca) fail(`${loc} has no ${ca} calendar`);
        for (let day = dayOf(2020, 1, 1); day < dayOf(2024, 1, 1); day += 13) {
          const own = cal === 'gregorian' ? gregorian(day) : icuStr(cal, day);
          lines.push(`${f.format(new Date(day * DAY))}\t${cal}\t${own}\t${gregorian(day)}`);
        }
      }
  write('icu-formats.tsv', [GENERATED,
    'Dates as ICU prints them, in Dari, Persian, Pashto, Arabic and English: text<TAB>calendar<TAB>date<TAB>gregorian.'],
    lines);
}

{
  // README.md: the table of printed forms. Each row's "reads as" column is
  // written by hand; its `oxus date` column must be ICU's Gregorian form.
  const lines = readFileSync(join(DIR, '..', '..', 'README.md'), 'utf8').split('\n');
  const head = lines.findIndex((l) => l.startsWith('| form | example | reads as |'));
  if (head < 0) fail('README.md: no table of printed forms');
  let n = 0;
  for (const row of lines.slice(head + 2)) {
    if (!row.startsWith('|')) break;
    const [example, reads, prints] = row.split('|').slice(2, 5).map((c) => c.trim().replace(/^`|`$/g, ''));
    const p = periodOf(reads);
    if (p === null) fail(`README.md: ICU has no ${reads}`);
    if (p[2] !== prints) fail(`README.md: ${example} reads as ${reads}, which is ${p[2]} by ICU, not ${prints}`);
    n++;
  }
  if (n < 10) fail(`README.md: only ${n} rows in the table of printed forms`);
  console.log(`README.md: ${n} printed forms confirmed`);
}
