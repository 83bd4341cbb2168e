package dev.nplusone.internal.report;

/**
 * The HTML report's only style sheet and script, inlined into the file and allowed by their hashes in its
 * Content-Security-Policy (no other script, style or network access runs). The page reads fully without the
 * script: it only adds sorting to the tables and shows the copy buttons.
 */
final class HtmlAssets {
    private HtmlAssets() {
    }

    static final String CSS = """
            :root{--fg:#1d232b;--muted:#5b6672;--line:#d9dee4;--bg:#fff;--soft:#f4f6f8;--new:#b42318;--ok:#067647;--old:#93370d}
            *{box-sizing:border-box}
            body{font:14px/1.45 system-ui,-apple-system,Segoe UI,Roboto,sans-serif;color:var(--fg);background:var(--bg);margin:0 auto;padding:16px 24px;max-width:1400px}
            h1{font-size:22px;margin:0 0 4px}h2{font-size:18px;margin:28px 0 8px;border-bottom:1px solid var(--line);padding-bottom:4px}
            h3{font-size:15px;margin:0 0 6px}
            .muted,.note{color:var(--muted)}.note{font-size:13px}
            code,pre{font:12.5px/1.4 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace}
            pre{background:var(--soft);border:1px solid var(--line);border-radius:4px;padding:6px 8px;margin:2px 0;white-space:pre-wrap;word-break:break-word}
            table{border-collapse:collapse;width:100%}
            th,td{text-align:left;padding:4px 8px;border-bottom:1px solid var(--line);vertical-align:top}
            td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}
            th button{font:inherit;font-weight:600;background:none;border:0;padding:0;cursor:pointer;color:inherit}
            th[aria-sort=ascending] button::after{content:" \\25B2"}th[aria-sort=descending] button::after{content:" \\25BC"}
            tr.has-findings td:first-child{border-left:3px solid var(--new)}
            .summary span{margin-right:18px}
            .badge{display:inline-block;border-radius:10px;padding:0 8px;font-size:12px;font-weight:600;background:var(--soft);border:1px solid var(--line)}
            .status-new{color:#fff;background:var(--new);border-color:var(--new)}
            .status-accepted{color:#fff;background:var(--ok);border-color:var(--ok)}
            .status-expired{color:#fff;background:var(--old);border-color:var(--old)}
            article.finding{border:1px solid var(--line);border-radius:6px;padding:10px 12px;margin:10px 0}
            dl.chain{display:grid;grid-template-columns:7em 1fr;gap:4px 10px;margin:8px 0 0}
            dl.chain dt{font-weight:600;color:var(--muted)}dl.chain dd{margin:0}
            span.scope{font-weight:600}
            h3 code.id{color:var(--muted);font-weight:400}h3 code.headline{display:inline-block;margin-top:4px;font-weight:400}
            button.copy{font:inherit;font-size:12px;padding:1px 8px;border:1px solid var(--line);border-radius:4px;background:var(--bg);cursor:pointer}
            section.timeline{margin:14px 0 24px}
            .tl-head,.tl-row>summary,.tl-row.single,.rep{display:grid;grid-template-columns:6rem 4.5rem 6rem 6rem 1fr;gap:6px;align-items:center;padding:2px 0}
            .tl-head{font-weight:600;border-bottom:1px solid var(--line)}
            .tl-row>summary{cursor:pointer;list-style:none}.tl-row>summary::-webkit-details-marker{display:none}
            .tl-row>summary .shape::before{content:"\\25B8 "}.tl-row[open]>summary .shape::before{content:"\\25BE "}
            .tl-row.loop>summary{background:#fff4e5}
            .rep{color:var(--muted);font-size:12px}.rep .shape{padding-left:1.2em}
            svg.bar{width:100%;height:12px;display:block;background:var(--soft)}
            svg.sw{width:12px;height:12px;vertical-align:-1px}
            ol.legend{padding-left:0;list-style:none}ol.legend li{margin:2px 0}
            .c0{fill:#2e90fa}.c1{fill:#f79009}.c2{fill:#12b76a}.c3{fill:#9e77ed}.c4{fill:#f04438}.c5{fill:#0ba5ec}
            .c6{fill:#ee46bc}.c7{fill:#66c61c}.c8{fill:#6172f3}.c9{fill:#fdb022}.c10{fill:#15b79e}.c11{fill:#667085}
            @media (prefers-color-scheme:dark){:root{--fg:#e6e9ee;--muted:#9aa4b2;--line:#37404a;--bg:#14181d;--soft:#1f252c}.tl-row.loop>summary{background:#3a2a12}}
            """;

    static final String JS = """
            (function () {
              'use strict';
              function key(row, index, numeric) {
                var cell = row.children[index];
                var value = cell ? (cell.getAttribute('data-v') || cell.textContent) : '';
                return numeric ? parseFloat(value) || 0 : value.toLowerCase();
              }
              function sortBy(th) {
                var table = th.closest('table');
                var body = table.tBodies[0];
                var index = Array.prototype.indexOf.call(th.parentNode.children, th);
                var numeric = th.getAttribute('data-sort') === 'num';
                var descending = th.getAttribute('aria-sort') === 'descending'
                  ? false : th.getAttribute('aria-sort') === 'ascending' ? true : numeric;
                var rows = Array.prototype.slice.call(body.rows);
                rows.sort(function (a, b) {
                  var x = key(a, index, numeric), y = key(b, index, numeric);
                  var order = x < y ? -1 : x > y ? 1 : 0;
                  return descending ? -order : order;
                });
                table.querySelectorAll('th[aria-sort]').forEach(function (other) { other.removeAttribute('aria-sort'); });
                th.setAttribute('aria-sort', descending ? 'descending' : 'ascending');
                rows.forEach(function (row) { body.appendChild(row); });
              }
              document.querySelectorAll('table.sortable th[data-sort]').forEach(function (th) {
                var button = document.createElement('button');
                button.type = 'button';
                button.textContent = th.textContent;
                th.textContent = '';
                th.appendChild(button);
                button.addEventListener('click', function () { sortBy(th); });
              });
              function copyByHand(text) {
                var area = document.createElement('textarea');
                area.value = text;
                document.body.appendChild(area);
                area.select();
                var copied = false;
                try { copied = document.execCommand('copy'); } catch (e) { copied = false; }
                area.remove();
                return copied;
              }
              document.querySelectorAll('button.copy').forEach(function (button) {
                button.hidden = false;
                button.addEventListener('click', function () {
                  var text = document.getElementById(button.getAttribute('data-target')).textContent;
                  function done(copied) { button.textContent = copied ? 'Copied' : 'Select and press Ctrl+C'; }
                  if (navigator.clipboard && navigator.clipboard.writeText) {
                    navigator.clipboard.writeText(text).then(function () { done(true); },
                      function () { done(copyByHand(text)); });
                  } else {
                    done(copyByHand(text));
                  }
                });
              });
            })();
            """;
}
