// Renders the Mermaid diagrams of the generated READMEs in Debian's headless
// Chromium, driven by playwright-core, with the pinned mermaid package's
// browser build. Run by scripts/check-mermaid.sh:
//
//   node scripts/check-mermaid.mjs OUT_DIR NAME=README.md [NAME=README.md ...]
//
// with SCAFFOLD_PLAYWRIGHT and SCAFFOLD_MERMAID set to the folders
// install-tools.sh installed playwright-core and mermaid into.
// Every ```mermaid block of every README is rendered with mermaid.render in
// one page loaded from a local file; nothing but file:// is let through.
// A diagram passes when it renders and its SVG has a node for every node ID
// the flowchart declares (`    some_id["label"]`) and no node it does not
// declare (an arrow to an undeclared ID draws one). A README without a
// diagram fails. NAME.png, the diagrams of one README, goes to OUT_DIR.
// Ends with "N passed, M failed"; exits 1 on a failure.

import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";

const CHROMIUM = "/usr/bin/chromium";
// As in check-compare-html.mjs: without the background-networking flags
// Chromium keeps trying to reach Google's services.
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

const [outDir, ...readmeArgs] = process.argv.slice(2);
if (!outDir || readmeArgs.length === 0 || !process.env.SCAFFOLD_PLAYWRIGHT || !process.env.SCAFFOLD_MERMAID) {
  console.error("usage: SCAFFOLD_PLAYWRIGHT=DIR SCAFFOLD_MERMAID=DIR node check-mermaid.mjs OUT_DIR NAME=README.md ...");
  process.exit(2);
}
const require = createRequire(path.join(process.env.SCAFFOLD_PLAYWRIGHT, "package.json"));
const { chromium } = require("playwright-core");
const mermaidDist = path.join(process.env.SCAFFOLD_MERMAID, "node_modules", "mermaid", "dist");
const MERMAID_JS = path.join(mermaidDist, "mermaid.min.js");

let passed = 0;
let failed = 0;
function check(name, ok, detail = "") {
  if (ok) passed++;
  else failed++;
  console.log(`${ok ? "ok  " : "FAIL"} ${name}${detail ? ": " + detail : ""}`);
}

// mermaidBlocks returns the text of each ```mermaid fenced block.
function mermaidBlocks(markdown) {
  const blocks = [];
  let current = null;
  for (const line of markdown.split("\n")) {
    if (current === null) {
      if (/^```mermaid\s*$/.test(line)) current = [];
    } else if (/^```\s*$/.test(line)) {
      blocks.push(current.join("\n") + "\n");
      current = null;
    } else {
      current.push(line);
    }
  }
  if (current !== null) blocks.push(null); // unterminated fence
  return blocks;
}

// declaredNodes returns the node IDs a flowchart declares with a label:
// `    some_id["label"]` (a subgraph line starts with `subgraph `, so not it).
function declaredNodes(text) {
  const ids = [];
  for (const line of text.split("\n")) {
    const m = /^\s*([A-Za-z0-9_][\w-]*)\s*\[/.exec(line);
    if (m && m[1] !== "subgraph") ids.push(m[1]);
  }
  return ids;
}

const work = mkdtempSync(path.join(tmpdir(), "scaffold-mermaid-"));
const pageFile = path.join(work, "page.html");
writeFileSync(
  pageFile,
  `<!doctype html>
<html><head><meta charset="utf-8"><title>scaffold mermaid check</title>
<style>body{margin:0;background:#fff;font-family:sans-serif}#out{display:inline-block;padding:16px}#out h2{font-size:14px;margin:0 0 8px}</style>
</head><body><div id="out"></div></body></html>
`,
);
const pageUrl = pathToFileURL(pageFile).href;

let context;
try {
  const userDataDir = path.join(work, "chromium");
  context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    timeout: 60_000,
    viewport: { width: 1600, height: 1000 },
  });
  context.setDefaultTimeout(30_000);
  const page = await context.newPage();
  const blocked = [];
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(m.text());
  });
  // Only local files load; anything else is aborted (and fails the run below).
  await page.route("**/*", (route) => {
    const url = route.request().url();
    if (url.startsWith("file://")) return route.continue();
    blocked.push(url);
    return route.abort();
  });

  let t0 = Date.now();
  await page.goto(pageUrl, { waitUntil: "load" });
  await page.addScriptTag({ path: MERMAID_JS });
  await page.evaluate(() => {
    // eslint-disable-next-line no-undef
    mermaid.initialize({ startOnLoad: false, securityLevel: "strict" });
  });
  const version = JSON.parse(readFileSync(path.join(mermaidDist, "..", "package.json"), "utf8")).version;
  console.log(`check-mermaid: mermaid ${version} (${path.relative(process.env.SCAFFOLD_MERMAID, MERMAID_JS)}) loaded in ${Date.now() - t0} ms`);

  for (const [index, arg] of readmeArgs.entries()) {
    const eq = arg.indexOf("=");
    const name = arg.slice(0, eq);
    const blocks = mermaidBlocks(readFileSync(arg.slice(eq + 1), "utf8"));
    if (blocks.length === 0) {
      check(`${name}: README has a mermaid diagram`, false, "no ```mermaid block");
      continue;
    }
    await page.evaluate(() => {
      document.getElementById("out").innerHTML = "";
    });
    let rendered = 0;
    for (const [i, text] of blocks.entries()) {
      const label = `${name}: diagram ${i + 1}`;
      if (text === null) {
        check(label, false, "unterminated ```mermaid block");
        continue;
      }
      const declared = declaredNodes(text);
      t0 = Date.now();
      const result = await page.evaluate(
        async ({ id, text, title }) => {
          try {
            // eslint-disable-next-line no-undef
            const { svg } = await mermaid.render(id, text);
            const section = document.createElement("section");
            const h = document.createElement("h2");
            h.textContent = title;
            section.appendChild(h);
            const holder = document.createElement("div");
            holder.innerHTML = svg;
            section.appendChild(holder);
            document.getElementById("out").appendChild(section);
            const el = holder.querySelector("svg");
            // Mermaid sizes the SVG to its container (width 100%, a max-width):
            // show it at its own size instead, as a reader would zoom in.
            const vb = el.viewBox && el.viewBox.baseVal;
            if (vb && vb.width > 0) {
              el.setAttribute("width", String(Math.ceil(vb.width)));
              el.setAttribute("height", String(Math.ceil(vb.height)));
              el.style.maxWidth = "none";
            }
            // A node is <g class="node ..." data-id="ID" id="ID-flowchart-ID-N">.
            const nodes = [...el.querySelectorAll("g.node")].map((g) => {
              if (g.dataset.id) return g.dataset.id;
              const m = /flowchart-(.+)-\d+$/.exec(g.id);
              return m ? m[1] : g.id;
            });
            const box = el.getBoundingClientRect();
            return {
              nodes,
              edges: el.querySelectorAll(".edgePaths path, path.flowchart-link").length,
              clusters: el.querySelectorAll("g.cluster").length,
              width: Math.round(box.width),
              height: Math.round(box.height),
            };
          } catch (e) {
            return { error: String(e && e.message ? e.message : e) };
          }
        },
        { id: `mermaid-${index}-${i}`, text, title: `${name}${blocks.length > 1 ? ` (${i + 1})` : ""}` },
      );
      const ms = Date.now() - t0;
      if (result.error) {
        check(label, false, `render failed in ${ms} ms: ${result.error.split("\n").slice(0, 4).join(" | ")}`);
        continue;
      }
      rendered++;
      const have = new Set(result.nodes);
      const missing = declared.filter((id) => !have.has(id));
      const want = new Set(declared);
      const extra = [...have].filter((id) => !want.has(id));
      const ok = declared.length > 0 && missing.length === 0 && extra.length === 0 && result.width > 0 && result.height > 0;
      const detail = ok
        ? `${declared.length} nodes, ${result.clusters} subgraphs, ${result.edges} edges, ${result.width}x${result.height} px, ${ms} ms`
        : [
            declared.length === 0 ? "no node declared" : "",
            missing.length ? `no SVG node for ${missing.join(", ")}` : "",
            extra.length ? `undeclared nodes in the SVG: ${extra.join(", ")}` : "",
            result.width > 0 && result.height > 0 ? "" : `empty SVG (${result.width}x${result.height})`,
          ]
            .filter(Boolean)
            .join("; ");
      check(label, ok, detail);
    }
    if (rendered > 0) {
      const png = path.join(outDir, `${name}.png`);
      await page.locator("#out").screenshot({ path: png });
    }
  }
  check("no request but local files", blocked.length === 0, blocked.join(", "));
  check("no script or console errors", errors.length === 0, errors.join(" | "));
} catch (e) {
  check("chromium renders the diagrams", false, String(e).split("\n")[0]);
} finally {
  if (context) await context.close();
  rmSync(work, { recursive: true, force: true });
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
