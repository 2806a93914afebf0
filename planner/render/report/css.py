"""The report's style sheet, inline in the page: a calm screen layout and an A4 print layout
(each section from a new page, nothing cut across a page: charts, table rows, headings kept with
what follows).  System fonts only, so nothing is fetched."""

CSS = """\
:root {
  --ink: #1a1a1a; --muted: #5c5c5c; --rule: #d0d0d0; --band: #f3f5f8; --accent: #1f4e79;
  --green: #1a7f37; --amber: #b7791f; --red: #c62828; --later: #b00020; --earlier: #1a7f37;
}
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body {
  margin: 0 auto; padding: 24px 32px 48px; max-width: 1040px; color: var(--ink);
  font: 15px/1.45 "Segoe UI", "Helvetica Neue", Arial, "Liberation Sans", "DejaVu Sans",
        sans-serif;
  font-variant-numeric: tabular-nums; background: #fff;
}
.masthead { border-bottom: 3px solid var(--accent); padding-bottom: 10px; margin-bottom: 18px; }
.kicker { margin: 0; color: var(--accent); font-weight: 600; letter-spacing: .04em;
          text-transform: uppercase; font-size: 12px; }
h1 { margin: 4px 0 2px; font-size: 24px; line-height: 1.25; }
.subtitle { margin: 0 0 8px; font-size: 17px; color: var(--muted); }
.toc ol { list-style: none; margin: 0; padding: 0; display: flex; flex-wrap: wrap;
          gap: 4px 16px; font-size: 13px; }
.toc a { color: var(--accent); text-decoration: none; }
h2 { font-size: 19px; margin: 0 0 10px; padding-bottom: 4px; color: var(--accent);
     border-bottom: 1px solid var(--rule); }
h3 { font-size: 15px; margin: 16px 0 6px; }
.sec { margin: 0 0 34px; }
p { margin: 6px 0; }
p.lead { font-size: 18px; font-weight: 600; margin: 4px 0 12px; }
p.muted, p.rule { color: var(--muted); font-size: 13px; }
p.chain, p.ids { font-size: 13px; margin: 2px 0; overflow-wrap: anywhere; }
p.missing { color: var(--muted); font-style: italic; border-left: 3px solid var(--rule);
            padding: 2px 0 2px 10px; }
.rag { display: inline-flex; align-items: center; gap: 10px; padding: 6px 14px;
       border-radius: 6px; color: #fff; font-size: 16px; font-weight: 700; }
.rag-label { font-size: 18px; letter-spacing: .06em; }
.rag-green { background: var(--green); }
.rag-amber { background: var(--amber); }
.rag-red { background: var(--red); }
dl.facts { display: grid; grid-template-columns: minmax(180px, max-content) 1fr;
           gap: 4px 18px; margin: 12px 0; }
dl.facts dt { color: var(--muted); }
dl.facts dd { margin: 0; font-weight: 600; }
ul.items { margin: 0; padding-left: 1.1em; }
ul.items li { margin: 0 0 2px; }
dd.later, td.later { color: var(--later); }
dd.earlier, td.earlier { color: var(--earlier); }
dd.green { color: var(--green); } dd.amber { color: var(--amber); } dd.red { color: var(--red); }
dd.code { font: 12px/1.4 "DejaVu Sans Mono", Consolas, monospace; font-weight: 400;
          overflow-wrap: anywhere; }
table { border-collapse: collapse; width: 100%; font-size: 13px; margin: 4px 0 8px; }
th, td { text-align: left; padding: 3px 8px; border-bottom: 1px solid var(--rule);
         vertical-align: top; }
th { background: var(--band); font-weight: 600; }
tbody tr:nth-child(even) td { background: #fafbfc; }
th.num, td.num { text-align: right; }
td.num { white-space: nowrap; }
td.strong { font-weight: 700; }
figure { margin: 8px 0 12px; }
figure.wide { width: calc(min(100vw, 1400px) - 48px); max-width: none; position: relative;
              left: 50%; transform: translateX(-50%); }
figure svg.chart { display: block; width: 100%; height: auto; margin: 0 auto; }
figcaption { color: var(--muted); font-size: 13px; margin-top: 4px; }
figure.paged .pages { display: none; }
@media print {
  @page { size: A4; margin: 12mm 11mm 14mm; }
  body { padding: 0; max-width: none; font-size: 10pt; line-height: 1.35; }
  h1 { font-size: 17pt; }
  .subtitle { font-size: 12pt; }
  h2 { font-size: 14pt; }
  dl.facts { gap: 2px 14px; }
  .sec-dates { break-inside: avoid; }
  .toc { display: none; }
  .sec { margin: 0; }
  .sec-trend, .sec-period, .sec-critical, .sec-gantt, .sec-risks,
  .sec-resources { break-before: page; }
  .sec-dates { margin-top: 16pt; }
  .sec-risks svg.chart { max-height: 118mm; }
  .sec-footer { margin-top: 18pt; }
  h2, h3 { break-after: avoid; }
  tr, dl.facts, .rag, p.rule { break-inside: avoid; }
  figure { break-inside: avoid; }
  figure svg.chart { max-width: 100% !important; max-height: 240mm; width: auto;
                     height: auto; }
  figure.wide { width: auto; left: 0; transform: none; }
  figure.wide svg.chart { width: 100%; max-height: 262mm; }
  @page landscape { size: A4 landscape; margin: 10mm; }
  .sec-gantt { page: landscape; }
  figure.paged { break-inside: auto; }
  figure.paged .whole { position: absolute; width: 0; height: 0; overflow: hidden; }
  figure.paged .pages { display: block; }
  figure.paged .page { break-inside: avoid; }
  figure.paged .page + .page { break-before: page; }
  figure.paged svg.view { width: 100%; max-height: 168mm; }
  table { font-size: 9pt; }
  th, td { padding: 2px 6px; }
  p.lead { font-size: 13pt; }
}
"""
