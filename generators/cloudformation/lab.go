package cloudformation

import (
	"bytes"
	"errors"
	"fmt"
	texttemplate "text/template"

	"github.com/scaffold-iac/scaffold/generators"
	"github.com/scaffold-iac/scaffold/generators/graph"
	"github.com/scaffold-iac/scaffold/templates"
)

// StackSetDir holds a lab's StackSet templates and their script.
const StackSetDir = "stackset"

var _ generators.LabGenerator = (*Generator)(nil)

// Capabilities is what `aws cloudformation deploy` (or a stack set) must
// acknowledge for g: CAPABILITY_IAM, CAPABILITY_NAMED_IAM or nothing.
func (*Generator) Capabilities(g *graph.Graph) string { return capabilities(g) }

// GenerateLab renders a lab's StackSet option: each blueprint's shared
// graph as stackset/<blueprint>.yaml, whose parameters without a default
// are the per-student values, and stackset/deploy-stacksets.sh, which
// creates one stack set per blueprint and one instance per student
// account with those values as parameter overrides (from roster.csv).
func (g *Generator) GenerateLab(l *graph.Lab) ([]generators.File, error) {
	if l == nil {
		return nil, errors.New("render CloudFormation lab: no lab")
	}
	data := stackSetData{Lab: l}
	var files []generators.File
	for _, b := range l.Blueprints {
		rendered, err := g.Generate(b.Shared)
		if err != nil {
			return nil, fmt.Errorf("render the StackSet template of %s: %w", b.Name, err)
		}
		if len(rendered) != 1 {
			return nil, fmt.Errorf("render the StackSet template of %s: %d files, want 1", b.Name, len(rendered))
		}
		files = append(files, generators.File{Path: StackSetDir + "/" + b.Name + ".yaml", Content: rendered[0].Content})
		set := stackSetBlueprint{Name: b.Name, Capabilities: capabilities(b.Shared)}
		for _, p := range b.Shared.Parameters {
			if p.Default != nil {
				continue
			}
			column, ok := rosterColumns[p.Name]
			if !ok {
				return nil, fmt.Errorf("the StackSet template of %s: parameter %q has no default and is not a per-student parameter", b.Name, p.Name)
			}
			set.Overrides = append(set.Overrides, stackSetOverride{Key: PascalCase(p.Name), Variable: column})
		}
		data.Blueprints = append(data.Blueprints, set)
	}
	tmpl, err := texttemplate.New("lab-stacksets.sh.tmpl").Option("missingkey=error").ParseFS(templates.FS, "lab-stacksets.sh.tmpl")
	if err != nil {
		return nil, fmt.Errorf("loading lab-stacksets.sh.tmpl: %w", err)
	}
	var buf bytes.Buffer
	if err := tmpl.Execute(&buf, data); err != nil {
		return nil, fmt.Errorf("rendering lab-stacksets.sh.tmpl: %w", err)
	}
	files = append(files, generators.File{Path: StackSetDir + "/deploy-stacksets.sh", Content: buf.Bytes(), Mode: 0o755})
	return files, nil
}

// rosterColumns maps the lab's per-student parameters to the shell
// variables deploy-stacksets.sh reads from each roster line.
var rosterColumns = map[string]string{
	graph.LabParamName:    "deploy_name",
	graph.LabParamStudent: "student",
	graph.LabParamOwner:   "owner",
	graph.LabParamCIDR:    "cidr",
}

type stackSetData struct {
	Lab        *graph.Lab
	Blueprints []stackSetBlueprint
}

type stackSetBlueprint struct {
	Name         string
	Capabilities string
	Overrides    []stackSetOverride
}

type stackSetOverride struct {
	Key, Variable string
}
