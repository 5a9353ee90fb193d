package terraform

import (
	"errors"
	"fmt"
	"path"
	"slices"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/hashicorp/hcl/v2/hclwrite"
	"github.com/zclconf/go-cty/cty"

	"github.com/scaffold-iac/scaffold/generators"
	"github.com/scaffold-iac/scaffold/generators/graph"
)

// studentsLocal is the local value that maps student IDs to their values.
const studentsLocal = "students"

var _ generators.LabGenerator = (*Generator)(nil)

// studentAttributes are the per-student parameters a local.students entry
// holds, by attribute name; the student parameter is the entry's key.
var studentAttributes = []string{graph.LabParamName, graph.LabParamOwner, graph.LabParamCIDR}

// GenerateLab renders a lab as one root module for the whole class:
//
//	terraform/versions.tf    required Terraform and provider versions
//	terraform/backend.tf     partial S3 backend with S3-native locking
//	terraform/providers.tf   one aws provider for the lab's region
//	terraform/variables.tf   region and extra tags
//	terraform/students.tf    local.students: every student's values
//	terraform/main.tf        one module per blueprint, for_each student
//	terraform/outputs.tf     every module output, as a map by student
//	terraform/modules/<b>/   each blueprint's shared graph (GenerateModule)
//
// One plan shows the whole class and one state holds it; the backend's
// lockfile lets several instructors share it safely.
func (g *Generator) GenerateLab(l *graph.Lab) ([]generators.File, error) {
	if l == nil {
		return nil, errors.New("render terraform lab: no lab")
	}
	var files []generators.File
	var shared []*graph.Graph
	for _, b := range l.Blueprints {
		module, err := g.GenerateModule(b.Shared)
		if err != nil {
			return nil, fmt.Errorf("render terraform lab %q: %w", l.Name, err)
		}
		for _, f := range module {
			f.Path = path.Join(Dir, ModulesDir, b.Name, f.Path)
			files = append(files, f)
		}
		shared = append(shared, b.Shared)
	}
	root := labRoot{lab: l}
	builders := []fileBuilder{
		{"versions.tf", root.versions(requiredVersion(shared...))},
		{"backend.tf", root.backend},
		{"providers.tf", root.providers},
		{"variables.tf", root.variables},
		{"students.tf", root.students},
		{"main.tf", root.main},
		{"outputs.tf", root.outputs},
	}
	rootFiles, err := buildFiles(Dir, builders)
	if err != nil {
		return nil, fmt.Errorf("render terraform lab %q: %w", l.Name, err)
	}
	files = append(files, rootFiles...)
	generators.SortFiles(files)
	return files, nil
}

type labRoot struct{ lab *graph.Lab }

// versions pins Terraform to what the modules need and at least what the
// backend's use_lockfile needs.
func (root labRoot) versions(modules string) func(*fileWriter) error {
	version := modules
	if modules == RequiredTerraformVersion {
		version = RemoteStateTerraformVersion
	}
	return func(w *fileWriter) error { return versionsFor(w, version) }
}

func (root labRoot) backend(w *fileWriter) error {
	w.comment("The class's state lives in S3. Give the bucket, key and region at init time " +
		"(terraform init -backend-config=bucket=... -backend-config=key=labs/" + root.lab.Name + "/terraform.tfstate " +
		"-backend-config=region=...), as the lab's README shows. use_lockfile locks the state with an " +
		"object beside it (Terraform 1.10 or later), so two instructors cannot apply at once and no DynamoDB table is needed.")
	s3 := w.block("", "terraform").AppendNewBlock("backend", []string{"s3"}).Body()
	s3.SetAttributeValue("use_lockfile", cty.True)
	s3.SetAttributeValue("encrypt", cty.True)
	return nil
}

func (root labRoot) providers(w *fileWriter) error {
	body := w.block("", "provider", "aws")
	body.SetAttributeTraversal("region", variable(regionVariable))
	body.AppendNewline()
	tags := body.AppendNewBlock("default_tags", nil).Body()
	tags.SetAttributeTraversal("tags", variable(tagsVariable))
	return nil
}

func (root labRoot) variables(w *fileWriter) error {
	// The most demanding blueprint (the one that lists the regions with
	// enough zones) constrains the region.
	constraint := &graph.Graph{Region: root.lab.Region}
	for _, b := range root.lab.Blueprints {
		if len(b.Shared.Regions) > 0 {
			constraint.Regions, constraint.RegionHelp = b.Shared.Regions, b.Shared.RegionHelp
			break
		}
	}
	err := regionVariableBlock(w, regionVariable, "AWS Region every student's environment is deployed to.", constraint)
	body := w.block("", "variable", tagsVariable)
	body.SetAttributeRaw("type", hclwrite.TokensForFunctionCall("map", hclwrite.TokensForIdentifier("string")))
	body.SetAttributeValue("description", cty.StringVal(
		"Extra tags for every resource of every student, applied through the provider's default_tags. "+
			"The lab's own tags (Lab, Student, Owner and the blueprint's) are set by the modules."))
	body.SetAttributeRaw("default", objectTokens(nil))
	return err
}

// students writes local.students, one entry per student in roster order.
func (root labRoot) students(w *fileWriter) error {
	w.comment("One entry per student, in roster order; scaffold lab generate rewrites this file. " +
		"The key is the student's ID, which names their module instances (module.<blueprint>[\"<id>\"]).")
	entries := make([]hclwrite.ObjectAttrTokens, len(root.lab.Students))
	for i, s := range root.lab.Students {
		var fields []hclwrite.ObjectAttrTokens
		for _, attr := range studentAttributes {
			if v, ok := s.Value(attr); ok {
				fields = append(fields, hclwrite.ObjectAttrTokens{Name: hclwrite.TokensForIdentifier(attr), Value: hclwrite.TokensForValue(cty.StringVal(v))})
			}
		}
		entries[i] = hclwrite.ObjectAttrTokens{Name: hclwrite.TokensForValue(cty.StringVal(s.ID)), Value: objectTokens(fields)}
	}
	w.block("", "locals").SetAttributeRaw(studentsLocal, objectTokens(entries))
	return nil
}

// main writes one module block per blueprint, called once per student.
// Parameters with a default keep it; the others read the student's entry.
func (root labRoot) main(w *fileWriter) error {
	var errs []error
	for _, b := range root.lab.Blueprints {
		body := w.block(b.Shared.Description, "module", b.Name)
		body.SetAttributeValue("source", cty.StringVal("./"+path.Join(ModulesDir, b.Name)))
		body.SetAttributeTraversal("for_each", hcl.Traversal{hcl.TraverseRoot{Name: "local"}, hcl.TraverseAttr{Name: studentsLocal}})
		body.AppendNewline()
		for _, p := range b.Shared.Parameters {
			if p.Default != nil {
				continue
			}
			switch {
			case p.Name == graph.LabParamStudent:
				body.SetAttributeTraversal(p.Name, hcl.Traversal{hcl.TraverseRoot{Name: "each"}, hcl.TraverseAttr{Name: "key"}})
			case slices.Contains(studentAttributes, p.Name):
				body.SetAttributeTraversal(p.Name, hcl.Traversal{hcl.TraverseRoot{Name: "each"}, hcl.TraverseAttr{Name: "value"}, hcl.TraverseAttr{Name: p.Name}})
			default:
				errs = append(errs, fmt.Errorf("blueprint %s: parameter %q has no default and is not a per-student parameter", b.Name, p.Name))
			}
		}
	}
	return errors.Join(errs...)
}

// outputs writes each module output as a map from student ID to value.
func (root labRoot) outputs(w *fileWriter) error {
	written := 0
	for _, b := range root.lab.Blueprints {
		for _, o := range b.Shared.Outputs {
			body := w.block("", "output", b.Name+"_"+o.Name)
			if o.Description != "" {
				body.SetAttributeValue("description", cty.StringVal(o.Description+" By student."))
			}
			body.SetAttributeRaw("value", forEachOutput(b.Name, o.Name))
			written++
		}
	}
	if written == 0 {
		w.comment("This configuration has no outputs.")
	}
	return nil
}

// forEachOutput is { for id, m in module.<b> : id => m.<output> }.
func forEachOutput(module, output string) hclwrite.Tokens {
	tokens := hclwrite.Tokens{
		token(hclsyntax.TokenOBrace, "{"),
		token(hclsyntax.TokenIdent, "for"),
		token(hclsyntax.TokenIdent, "id"),
		token(hclsyntax.TokenComma, ","),
		token(hclsyntax.TokenIdent, "m"),
		token(hclsyntax.TokenIdent, "in"),
	}
	tokens = append(tokens, hclwrite.TokensForTraversal(hcl.Traversal{hcl.TraverseRoot{Name: "module"}, hcl.TraverseAttr{Name: module}})...)
	tokens = append(tokens, token(hclsyntax.TokenColon, ":"), token(hclsyntax.TokenIdent, "id"), token(hclsyntax.TokenFatArrow, "=>"))
	tokens = append(tokens, hclwrite.TokensForTraversal(hcl.Traversal{hcl.TraverseRoot{Name: "m"}, hcl.TraverseAttr{Name: output}})...)
	return append(tokens, token(hclsyntax.TokenCBrace, "}"))
}
