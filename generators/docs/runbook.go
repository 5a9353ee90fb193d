package docs

import (
	"bytes"
	"fmt"
	"strings"
	"text/template"

	"github.com/scaffold-iac/scaffold/generators"
	"github.com/scaffold-iac/scaffold/generators/graph"
	"github.com/scaffold-iac/scaffold/templates"
)

// RunbookFile is where a bundle's runbook is written.
const RunbookFile = "RUNBOOK.md"

// runbookData is what the runbook templates see: the runbook and two
// helpers that align the comments of its variable blocks.
type runbookData struct {
	*graph.Runbook
}

// Pad aligns the comment after a "NAME=value" line.
func (runbookData) Pad(name, value string) string {
	return strings.Repeat(" ", max(1, 28-len(name)-1-len(value)))
}

// PadEnv aligns the descriptions after environment names in the script's
// header.
func (runbookData) PadEnv(name string) string {
	return strings.Repeat(" ", max(1, 20-len(name)))
}

// parseRunbookTemplates loads the runbook's document and script templates.
func parseRunbookTemplates() (doc, script *template.Template, err error) {
	funcs := template.FuncMap{"markdownTable": markdownTable, "inc": func(i int) int { return i + 1 },
		"chomp": func(s string) string { return strings.TrimRight(s, "\n") }}
	doc, err = template.New("runbook.md.tmpl").Option("missingkey=error").Funcs(funcs).ParseFS(templates.FS, "runbook.md.tmpl")
	if err != nil {
		return nil, nil, fmt.Errorf("loading the runbook template: %w", err)
	}
	script, err = template.New("runbook.sh.tmpl").Option("missingkey=error").Funcs(funcs).ParseFS(templates.FS, "runbook.sh.tmpl")
	if err != nil {
		return nil, nil, fmt.Errorf("loading the runbook script template: %w", err)
	}
	return doc, script, nil
}

// runbookFiles renders a bundle's runbook: RUNBOOK.md and, when steps are
// scripted, the executable script beside it. The script is the same
// commands as the document, under `set -euo pipefail`, with an aws
// function that adds --endpoint-url, so CI can rehearse the procedure
// against an emulator exactly as written.
func runbookFiles(r *graph.Runbook) ([]generators.File, error) {
	if r == nil {
		return nil, nil
	}
	if err := r.Validate(); err != nil {
		return nil, err
	}
	doc, script, err := parseRunbookTemplates()
	if err != nil {
		return nil, err
	}
	data := runbookData{r}
	var buf bytes.Buffer
	if err := doc.Execute(&buf, data); err != nil {
		return nil, fmt.Errorf("rendering %s: %w", RunbookFile, err)
	}
	files := []generators.File{{Path: RunbookFile, Content: buf.Bytes()}}
	scripted := false
	for _, s := range r.Steps {
		scripted = scripted || s.Script
	}
	if !scripted {
		return files, nil
	}
	buf = bytes.Buffer{}
	if err := script.Execute(&buf, data); err != nil {
		return nil, fmt.Errorf("rendering %s: %w", r.ScriptName, err)
	}
	return append(files, generators.File{Path: r.ScriptName, Content: buf.Bytes(), Mode: 0o755}), nil
}
