// Browser checks of the `scaffold compare --html` page, in Debian's headless
// Chromium driven by playwright-core. Run by scripts/check-compare-html.sh:
//
//   node scripts/check-compare-html.mjs OUT_DIR NAME=PAGE.html [NAME=PAGE.html ...]
//
// with SCAFFOLD_PLAYWRIGHT set to the folder install-tools.sh installed
// playwright-core into. For each page it checks that every component has a
// cell in both columns, that clicking a cell highlights its twin (left to
// right and right to left) and brings the twin into view, that hovering
// highlights too, that the print layout keeps both columns, and that nothing
// but the page itself was requested.
// It saves NAME.png (the top of the page on a laptop-sized screen),
// NAME-selected.png (a clicked component) and NAME.pdf (the print layout)
// to OUT_DIR, and ends with "N passed, M failed"; it exits 1 on a failure.

import { mkdtempSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";

const CHROMIUM = "/usr/bin/chromium";
// Without the background-networking flags Chromium keeps trying to reach
// Google's services, which this machine's closed network refuses.
const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];
const LAPTOP = { width: 1366, height: 768 };

const [outDir, ...pageArgs] = process.argv.slice(2);
if (!outDir || pageArgs.length === 0 || !process.env.SCAFFOLD_PLAYWRIGHT) {
  console.error("usage: SCAFFOLD_PLAYWRIGHT=DIR node check-compare-html.mjs OUT_DIR NAME=PAGE.html ...");
  process.exit(2);
}
const require = createRequire(path.join(process.env.SCAFFOLD_PLAYWRIGHT, "package.json"));
const { chromium } = require("playwright-core");

let passed = 0;
let failed = 0;
let skipped = 0;
function check(name, ok, detail = "") {
  if (ok === null) {
    skipped++;
    console.log(`skip ${name}${detail ? ": " + detail : ""}`);
  } else if (ok) {
    passed++;
    console.log(`ok   ${name}`);
  } else {
    failed++;
    console.log(`FAIL ${name}${detail ? ": " + detail : ""}`);
  }
}

// step runs one interactive check; fn returns [ok, detail], with ok null
// for a check that does not apply. An exception fails only this check, so
// the request and error checks at the end of a page still run.
async function step(name, fn) {
  try {
    const [ok, detail] = await fn();
    check(name, ok, detail);
  } catch (e) {
    check(name, false, String(e).split("\n")[0]);
  }
}

// cellsOf returns, for the component id, its cells' sides, classes and
// positions, read from the live page.
async function cellsOf(page, id) {
  return page.$$eval(
    ".cell[data-component]",
    (cells, id) =>
      cells
        .filter((c) => c.getAttribute("data-component") === id)
        .map((c) => {
          const r = c.getBoundingClientRect();
          return {
            side: c.getAttribute("data-side"),
            highlight: c.classList.contains("highlight"),
            top: r.top,
            bottom: r.bottom,
            left: r.left,
          };
        }),
    id,
  );
}

async function highlightedIds(page) {
  return page.$$eval(".cell.highlight", (cells) => [...new Set(cells.map((c) => c.getAttribute("data-component")))].sort());
}

function cellSelector(id, side) {
  return `.cell[data-side="${side}"][data-component="${id.replace(/["\\]/g, "\\$&")}"]`;
}

async function checkPage(context, name, file) {
  const url = pathToFileURL(path.resolve(file)).href;
  const page = await context.newPage();
  await page.setViewportSize(LAPTOP);
  const requests = [];
  const errors = [];
  page.on("request", (r) => requests.push(r.url()));
  page.on("pageerror", (e) => errors.push(String(e)));
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(m.text());
  });
  // Anything but the page itself is aborted, so a stray load can neither
  // hang the check nor reach the network; it is still recorded above.
  await page.route("**/*", (route) => (route.request().url() === url ? route.continue() : route.abort()));

  await page.goto(url, { waitUntil: "load" });
  check(`${name}: page loads with title`, (await page.title()).includes("Terraform and CloudFormation"), await page.title());

  // Every component: one cell in each column, left of the other, and not empty.
  const layout = await page.$$eval(".cell[data-component]", (cells) =>
    cells.map((c) => {
      const r = c.getBoundingClientRect();
      return {
        id: c.getAttribute("data-component"),
        side: c.getAttribute("data-side"),
        left: r.left,
        width: r.width,
        height: r.height,
        filled: c.querySelector(".block pre code, .empty") !== null,
      };
    }),
  );
  const sections = await page.$$eval("section.component", (s) => s.map((e) => e.id));
  const ids = [...new Set(layout.map((c) => c.id))];
  const problems = [];
  for (const id of ids) {
    const tf = layout.filter((c) => c.id === id && c.side === "terraform");
    const cfn = layout.filter((c) => c.id === id && c.side === "cloudformation");
    if (tf.length !== 1 || cfn.length !== 1) {
      problems.push(`${id}: ${tf.length} Terraform and ${cfn.length} CloudFormation cells`);
      continue;
    }
    if (!(tf[0].left < cfn[0].left)) problems.push(`${id}: Terraform cell is not left of the CloudFormation cell`);
    for (const c of [tf[0], cfn[0]]) {
      if (c.width < 200 || c.height < 10) problems.push(`${id} ${c.side}: ${c.width}x${c.height} px`);
      if (!c.filled) problems.push(`${id} ${c.side}: neither code nor a note`);
    }
  }
  if (ids.length === 0 || ids.length !== sections.length) problems.push(`${ids.length} components in cells, ${sections.length} sections`);
  check(`${name}: all ${ids.length} components appear in both columns`, problems.length === 0, problems.join("; "));

  const highlighted = await page.$$eval("pre code span", (s) => s.length);
  check(`${name}: code is highlighted (${highlighted} spans)`, highlighted > 50);

  await page.screenshot({ path: path.join(outDir, `${name}.png`) });

  // Click a component in the middle of the left column: it and its twin
  // on the right light up, and nothing else does.
  const a = ids[Math.floor(ids.length / 2)];
  await step(`${name}: clicking ${a} on the left highlights its CloudFormation twin`, async () => {
    await page.click(cellSelector(a, "terraform"));
    const cells = await cellsOf(page, a);
    const lit = await highlightedIds(page);
    await page.screenshot({ path: path.join(outDir, `${name}-selected.png`) });
    return [cells.length === 2 && cells.every((c) => c.highlight) && lit.length === 1 && lit[0] === a, `highlighted: ${lit.join(", ")}`];
  });

  // And the other way round, with another component: the first one's
  // highlight goes, the new one's Terraform twin lights up.
  const b = ids[ids.length - 1] === a ? ids[0] : ids[ids.length - 1];
  await step(`${name}: clicking ${b} on the right highlights its Terraform twin`, async () => {
    await page.click(cellSelector(b, "cloudformation"));
    const cells = await cellsOf(page, b);
    const lit = await highlightedIds(page);
    return [cells.length === 2 && cells.every((c) => c.highlight) && lit.length === 1 && lit[0] === b, `highlighted: ${lit.join(", ")}`];
  });

  // Clicking the selected component again clears the selection; then
  // hovering alone highlights both cells.
  await step(`${name}: a second click clears the highlight`, async () => {
    await page.click(cellSelector(b, "cloudformation"));
    await page.mouse.move(0, 0);
    const lit = await highlightedIds(page);
    return [lit.length === 0, `highlighted: ${lit.join(", ")}`];
  });
  const h = ids[0];
  await step(`${name}: hovering ${h} highlights it in both columns`, async () => {
    await page.hover(cellSelector(h, "cloudformation"));
    const lit = await highlightedIds(page);
    const ok = lit.length === 1 && lit[0] === h && (await cellsOf(page, h)).every((c) => c.highlight);
    await page.mouse.move(0, 0);
    return [ok, `highlighted: ${lit.join(", ")}`];
  });

  // The two cells of a row are stretched to one height and their code
  // starts level, so a twin's code is only out of view when it is much
  // shorter than the code clicked near its bottom. Take the component whose
  // code differs most in height, shrink the window below that difference,
  // put the long code's end at the bottom of the window and click there:
  // the short twin's first block starts out above the window and must be
  // scrolled into it.
  await step(`${name}: clicking brings the twin's code into view`, async () => {
    const heights = await page.$$eval("section.component", (sections) =>
      sections.map((s) => {
        const [tf, cfn] = [...s.querySelectorAll(".cell")].map((c) => c.lastElementChild.getBoundingClientRect().bottom - c.getBoundingClientRect().top);
        return { id: s.querySelector(".cell").getAttribute("data-component"), tf, cfn };
      }),
    );
    const widest = heights.reduce((x, y) => (Math.abs(y.tf - y.cfn) > Math.abs(x.tf - x.cfn) ? y : x));
    const diff = Math.abs(widest.tf - widest.cfn);
    const windowHeight = Math.min(LAPTOP.height, Math.floor(diff - 40));
    if (windowHeight < 150) return [null, `the code of ${widest.id} differs by only ${diff} px`];
    const [tall, short] = widest.tf > widest.cfn ? ["terraform", "cloudformation"] : ["cloudformation", "terraform"];
    const code = (side) => `${cellSelector(widest.id, side)} > :first-child`;
    const rect = (selector) => page.$eval(selector, (e) => e.getBoundingClientRect().toJSON());
    await page.setViewportSize({ width: LAPTOP.width, height: windowHeight });
    await page.$eval(cellSelector(widest.id, tall), (c) => window.scrollBy(0, c.lastElementChild.getBoundingClientRect().bottom - window.innerHeight + 5));
    const before = await rect(code(short));
    const tallRect = await rect(cellSelector(widest.id, tall));
    await page.mouse.click(tallRect.left + tallRect.width / 2, windowHeight - 20);
    await page.waitForTimeout(300); // in case the browser scrolls smoothly
    const after = await rect(code(short));
    const lit = await highlightedIds(page);
    await page.keyboard.press("Escape");
    await page.setViewportSize(LAPTOP);
    return [
      before.bottom <= 0 && after.top >= 0 && after.top < windowHeight && lit.length === 1 && lit[0] === widest.id,
      `${widest.id} ${short} code at ${Math.round(before.top)}..${Math.round(before.bottom)} px before the click, ${Math.round(after.top)}..${Math.round(after.bottom)} px after, in a ${windowHeight} px window; highlighted: ${lit.join(", ")}`,
    ];
  });

  // A line too long for its column wraps under its own text, not at the
  // margin: in a narrow window, find indented lines that wrap and compare
  // where their second line box starts with where their text starts.
  await step(`${name}: wrapped lines keep their indentation`, async () => {
    await page.setViewportSize({ width: 760, height: LAPTOP.height });
    const result = await page.evaluate(() => {
      const probe = document.createElement("span");
      probe.textContent = "0".repeat(10);
      document.querySelector("pre code").appendChild(probe);
      const ch = probe.getBoundingClientRect().width / 10;
      probe.remove();
      let wrapped = 0;
      const bad = [];
      for (const line of document.querySelectorAll("pre .ln")) {
        const indent = Number(line.style.getPropertyValue("--i"));
        if (indent < 2) continue;
        const range = document.createRange();
        range.selectNodeContents(line);
        const rects = [...range.getClientRects()].filter((r) => r.width > 0);
        const tops = [...new Set(rects.map((r) => Math.round(r.top)))].sort((a, b) => a - b);
        if (tops.length < 2) continue;
        wrapped++;
        const boxLeft = line.getBoundingClientRect().left;
        const second = Math.min(...rects.filter((r) => Math.round(r.top) === tops[1]).map((r) => r.left));
        if (second - boxLeft < indent * ch - 1) bad.push(`${line.textContent.trim().slice(0, 40)}: continues ${Math.round(second - boxLeft)} px in, text at ${Math.round(indent * ch)} px`);
      }
      return { wrapped, bad };
    });
    await page.setViewportSize(LAPTOP);
    if (result.wrapped === 0) return [null, "no indented line wraps at 760 px"];
    return [result.bad.length === 0, `${result.wrapped} wrapped lines; ${result.bad.slice(0, 3).join("; ")}`];
  });

  // Print: the column headings stop sticking, both columns stay side by
  // side, and components avoid page breaks.
  await step(`${name}: print layout keeps both columns, no sticky header`, async () => {
    await page.emulateMedia({ media: "print" });
    const print = await page.evaluate(() => {
      const first = document.querySelector(".cell.terraform").getBoundingClientRect();
      const second = document.querySelector(".cell.cloudformation").getBoundingClientRect();
      return {
        sticky: getComputedStyle(document.querySelector(".colheads")).position,
        breakInside: getComputedStyle(document.querySelector(".component")).breakInside,
        sideBySide: first.left < second.left && Math.abs(first.top - second.top) < 2,
      };
    });
    await page.pdf({ path: path.join(outDir, `${name}.pdf`), format: "A4", landscape: true, printBackground: true });
    await page.emulateMedia({ media: "screen" });
    return [print.sticky === "static" && print.sideBySide && print.breakInside === "avoid", JSON.stringify(print)];
  });

  const foreign = requests.filter((r) => r !== url);
  check(`${name}: no request but the page itself`, foreign.length === 0, foreign.join(", "));
  check(`${name}: no script or console errors`, errors.length === 0, errors.join(" | "));
  await page.close();
}

const userDataDir = mkdtempSync(path.join(tmpdir(), "scaffold-chromium-"));
let context;
try {
  context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    timeout: 60_000,
  });
  context.setDefaultTimeout(15_000);
  for (const arg of pageArgs) {
    const eq = arg.indexOf("=");
    const name = arg.slice(0, eq);
    try {
      await checkPage(context, name, arg.slice(eq + 1));
    } catch (e) {
      check(`${name}: checks ran to the end`, false, String(e).split("\n")[0]);
    }
  }
} catch (e) {
  check("chromium starts", false, String(e).split("\n")[0]);
} finally {
  if (context) await context.close();
  rmSync(userDataDir, { recursive: true, force: true });
}
console.log(`${passed} passed, ${failed} failed` + (skipped > 0 ? `, ${skipped} skipped` : ""));
process.exit(failed > 0 ? 1 : 0);
