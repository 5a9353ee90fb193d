package docs

import (
	"strings"
	"testing"

	"github.com/scaffold-iac/scaffold/generators/graph"
)

func testRunbook() *graph.Runbook {
	return &graph.Runbook{
		Title: "Failover", Intro: "Intro.", ScriptName: "failover.sh",
		Variables:  []graph.RunbookVariable{{Name: "DR_REGION", Env: "DR_REGION", Value: "us-west-2", Description: "recovery region"}},
		Objectives: graph.Table{Title: "Objectives", Columns: []string{"Phase", "Takes"}, Rows: [][]string{{"promote", "5 min"}}},
		Steps: []graph.RunbookStep{
			{Title: "Promote", Body: "Body.", Commands: `aws rds promote-read-replica --region "$DR_REGION" --db-instance-identifier x`, Expected: "5 min", Objective: "Done.", Script: true},
			{Title: "Fail back", Body: "Later.", Commands: "echo later", Expected: "1 h", Objective: "Back."},
		},
	}
}

// TestRunbookFiles checks that the document shows every step and the script
// runs the scripted ones only, with the same command text, through the
// endpoint-aware aws wrapper.
func TestRunbookFiles(t *testing.T) {
	files, err := runbookFiles(testRunbook())
	if err != nil {
		t.Fatal(err)
	}
	if len(files) != 2 || files[0].Path != RunbookFile || files[1].Path != "failover.sh" || files[1].Mode != 0o755 {
		t.Fatalf("files = %+v", files)
	}
	doc, script := string(files[0].Content), string(files[1].Content)
	for _, want := range []string{"DR_REGION=us-west-2", "## 1. Promote (scripted)", "## 2. Fail back", "aws rds promote-read-replica --region \"$DR_REGION\""} {
		if !strings.Contains(doc, want) {
			t.Errorf("RUNBOOK.md lacks %q", want)
		}
	}
	for _, want := range []string{`DR_REGION="${DR_REGION:-us-west-2}"`, `--endpoint-url "$AWS_ENDPOINT_URL"`, "aws rds promote-read-replica --region \"$DR_REGION\""} {
		if !strings.Contains(script, want) {
			t.Errorf("failover.sh lacks %q", want)
		}
	}
	if strings.Contains(script, "echo later") {
		t.Error("failover.sh runs a step that is not scripted")
	}
}

func TestRunbookRejectsUnsafeValues(t *testing.T) {
	tests := []struct {
		name string
		edit func(*graph.Runbook)
	}{
		{"value with a quote", func(r *graph.Runbook) { r.Variables[0].Value = `us-west-2"; rm -rf /` }},
		{"lower-case variable", func(r *graph.Runbook) { r.Variables[0].Name = "region" }},
		{"script name", func(r *graph.Runbook) { r.ScriptName = "../x" }},
		{"scripted step without commands", func(r *graph.Runbook) { r.Steps[0].Commands = "" }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := testRunbook()
			tt.edit(r)
			if _, err := runbookFiles(r); err == nil {
				t.Error("no error")
			}
		})
	}
}
