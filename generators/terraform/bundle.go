package terraform

import (
	"bytes"
	"errors"
	"fmt"
	"path"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclwrite"
	"github.com/zclconf/go-cty/cty"

	"github.com/scaffold-iac/scaffold/generators"
	"github.com/scaffold-iac/scaffold/generators/graph"
)

// ModulesDir is where, under Dir, the bundle's local modules live.
const ModulesDir = "modules"

var _ generators.BundleGenerator = (*Generator)(nil)

// moduleFiles are the files of a child module, in the order they are
// built. A child module has no providers.tf: Terraform lets only the root
// module configure providers, and a module that does cannot be called with
// for_each or count, nor receive its provider from the caller.
var moduleFiles = []string{"versions.tf", "variables.tf", "main.tf", "outputs.tf"}

// stackModule is one stack's rendered child module.
type stackModule struct {
	stack *graph.Stack
	// files holds the module's contents by file name.
	files map[string][]byte
	// dir is the module's directory under ModulesDir, set once modules
	// that render identically have been grouped.
	dir string
}

// GenerateBundle renders a bundle as one root module that calls one local
// module per stack, each with its own aliased aws provider:
//
//	terraform/versions.tf    required Terraform and provider versions
//	terraform/providers.tf   provider "aws" { alias = "<stack>" ... } per stack
//	terraform/variables.tf   <stack>_region per stack, tags, and every
//	                         parameter no input wires, as <stack>_<parameter>
//	terraform/main.tf        module "<stack>" per stack, in deploy order
//	terraform/outputs.tf     every stack output, as <stack>_<output>
//	terraform/modules/<m>/   versions.tf, variables.tf, main.tf, outputs.tf
//
// Each module is the stack's graph rendered as Generate renders a root
// module, less the provider configuration and the region and tags
// variables, which move to the root. Stacks whose modules come out
// byte-identical share one directory, named after its stacks joined with
// "_" ("primary_dr"), so the regions of a pilot light that differ only in
// their inputs have one definition; a module used by one stack is named
// after it.
//
// An input becomes a module argument that reads the earlier stack's
// module output, so Terraform orders the modules by those references
// alone; there is no depends_on between modules, which would defer every
// data source of the later module to apply time.
func (*Generator) GenerateBundle(b *graph.Bundle) ([]generators.File, error) {
	if b == nil {
		return nil, errors.New("render terraform: no bundle")
	}
	if err := b.Validate(); err != nil {
		return nil, fmt.Errorf("render terraform for bundle %q: %w", b.Name, err)
	}
	var graphs []*graph.Graph
	for i := range b.Stacks {
		graphs = append(graphs, b.Stacks[i].Graph)
	}
	versions := versionsOf(graphs...)
	modules, err := renderModules(b, versions)
	if err != nil {
		return nil, fmt.Errorf("render terraform for bundle %q: %w", b.Name, err)
	}
	root := &bundleRoot{bundle: b, modules: modules}
	files, err := buildFiles(Dir, []fileBuilder{
		{"versions.tf", versions},
		{"providers.tf", root.providers},
		{"variables.tf", root.variables},
		{"main.tf", root.main},
		{"outputs.tf", root.outputs},
	})
	if err != nil {
		return nil, fmt.Errorf("render terraform for bundle %q: %w", b.Name, err)
	}
	written := map[string]bool{}
	for _, m := range modules {
		if written[m.dir] {
			continue
		}
		written[m.dir] = true
		for _, name := range moduleFiles {
			files = append(files, generators.File{Path: path.Join(Dir, ModulesDir, m.dir, name), Content: m.files[name]})
		}
	}
	generators.SortFiles(files)
	return files, nil
}

// renderModules renders each stack's graph as a child module, then gives
// each module its directory. All stacks' problems are reported together.
func renderModules(b *graph.Bundle, versions func(*fileWriter) error) ([]*stackModule, error) {
	modules := make([]*stackModule, len(b.Stacks))
	var errs []error
	for i := range b.Stacks {
		s := &b.Stacks[i]
		r, err := newRenderer(s.Graph)
		if err != nil {
			errs = append(errs, fmt.Errorf("stack %q: %w", s.Name, err))
			continue
		}
		files, err := renderModule(r, versions)
		if err != nil {
			errs = append(errs, fmt.Errorf("stack %q: %w", s.Name, err))
			continue
		}
		modules[i] = &stackModule{stack: s, files: files}
	}
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	// Group stacks by identical modules, keeping deploy order within and
	// across groups so that directory names are deterministic.
	var groups [][]*stackModule
	for _, m := range modules {
		placed := false
		for i, group := range groups {
			if sameFiles(group[0].files, m.files) {
				groups[i] = append(group, m)
				placed = true
				break
			}
		}
		if !placed {
			groups = append(groups, []*stackModule{m})
		}
	}
	for _, group := range groups {
		names := make([]string, len(group))
		for i, m := range group {
			names[i] = m.stack.Name
		}
		// Stack names have no underscore, so a joined name can never be
		// another stack's name or another group's.
		dir := strings.Join(names, "_")
		for _, m := range group {
			m.dir = dir
		}
	}
	return modules, nil
}

// renderModule renders a renderer's graph as a child module's files. The
// renderer's options decide how resources are tagged: a bundle's modules
// leave tags to their root's aliased providers, GenerateModule's carry
// them.
func renderModule(r *renderer, versions func(*fileWriter) error) (map[string][]byte, error) {
	builders := map[string]func(*fileWriter) error{
		"versions.tf":  versions,
		"variables.tf": r.moduleVariables,
		"main.tf":      r.main,
		"outputs.tf":   r.outputs,
	}
	files := make(map[string][]byte, len(moduleFiles))
	var errs []error
	for _, name := range moduleFiles {
		w := newFileWriter()
		if err := builders[name](w); err != nil {
			errs = append(errs, fmt.Errorf("%s: %w", name, err))
			continue
		}
		files[name] = w.bytes()
	}
	return files, errors.Join(errs...)
}

// sameFiles reports whether two modules have the same files with the same
// bytes.
func sameFiles(a, b map[string][]byte) bool {
	if len(a) != len(b) {
		return false
	}
	for name, content := range a {
		if other, ok := b[name]; !ok || !bytes.Equal(content, other) {
			return false
		}
	}
	return true
}

// bundleRoot renders the root module of a bundle.
type bundleRoot struct {
	bundle  *graph.Bundle
	modules []*stackModule
}

// regionVariableName is the variable holding a stack's region.
func regionVariableName(stack string) string { return stack + "_" + regionVariable }

// stackVariableName is the root variable of a stack's unwired parameter.
// The prefix keeps two stacks' parameters of the same name (each region's
// "name") apart.
func stackVariableName(stack, parameter string) string { return stack + "_" + parameter }

// providers writes one aliased aws provider per stack. There is no default
// (unaliased) provider: every module receives its stack's alias
// explicitly, so a resource can never land in a region by accident.
func (root *bundleRoot) providers(w *fileWriter) error {
	var errs []error
	for _, s := range root.bundle.Stacks {
		body := w.block("", "provider", "aws")
		body.SetAttributeValue("alias", cty.StringVal(s.Name))
		body.SetAttributeTraversal("region", variable(regionVariableName(s.Name)))
		body.AppendNewline()
		tags := body.AppendNewBlock("default_tags", nil).Body()
		expression, err := root.stackTags(s.Name)
		if err != nil {
			errs = append(errs, fmt.Errorf("stack %q: %w", s.Name, err))
			continue
		}
		tags.SetAttributeRaw("tags", expression)
	}
	return errors.Join(errs...)
}

// stackTags is the default_tags expression of a stack's provider: the
// bundle's tags variable, merged over the tags that only this stack's
// graph sets. The variable comes last in merge so that it wins, as the
// bundle's tags do in graph.Bundle.StackTags, and so does a user's
// override of it.
func (root *bundleRoot) stackTags(stack string) (hclwrite.Tokens, error) {
	extra := root.bundle.StackTags(stack)[len(root.bundle.Tags):]
	tags := hclwrite.TokensForTraversal(variable(tagsVariable))
	if len(extra) == 0 {
		return tags, nil
	}
	object, err := tagObject(extra)
	if err != nil {
		return nil, err
	}
	return callTokens("merge", object, tags), nil
}

// variables writes each stack's region variable, the tags variable, then
// each stack's unwired parameters. Names are checked for collisions: a
// stack parameter called "region" would otherwise shadow the stack's
// region variable.
func (root *bundleRoot) variables(w *fileWriter) error {
	var errs []error
	owners := map[string]string{tagsVariable: "the tags variable"}
	claim := func(name, owner string) bool {
		if previous, ok := owners[name]; ok {
			errs = append(errs, fmt.Errorf("%s and %s both become variable %q", previous, owner, name))
			return false
		}
		owners[name] = owner
		return true
	}
	for _, s := range root.bundle.Stacks {
		name := regionVariableName(s.Name)
		claim(name, fmt.Sprintf("the region of stack %q", s.Name))
		if err := regionVariableBlock(w, name, fmt.Sprintf("AWS Region of the %s stack.", s.Name), s.Graph); err != nil {
			errs = append(errs, fmt.Errorf("stack %q: %w", s.Name, err))
		}
	}
	if err := tagsVariableBlock(w, root.bundle.Tags); err != nil {
		errs = append(errs, err)
	}
	for _, s := range root.bundle.Stacks {
		for i := range s.Graph.Parameters {
			p := s.Graph.Parameters[i]
			if s.Input(p.Name) != nil {
				continue
			}
			p.Name = stackVariableName(s.Name, p.Name)
			if !claim(p.Name, fmt.Sprintf("parameter %q of stack %q", s.Graph.Parameters[i].Name, s.Name)) {
				continue
			}
			if err := parameterVariable(w, &p); err != nil {
				errs = append(errs, fmt.Errorf("stack %q parameter %q: %w", s.Name, s.Graph.Parameters[i].Name, err))
			}
		}
	}
	return errors.Join(errs...)
}

// main writes one module block per stack, in deploy order: its source, its
// provider, then one argument per graph parameter, which reads either the
// stack's root variable or the output of the earlier stack an input names.
func (root *bundleRoot) main(w *fileWriter) error {
	if root.bundle.Description != "" {
		w.comment(root.bundle.Description)
	}
	for _, m := range root.modules {
		s := m.stack
		body := w.block(s.Graph.Description, "module", s.Name)
		body.SetAttributeValue("source", cty.StringVal("./"+path.Join(ModulesDir, m.dir)))
		body.AppendNewline()
		body.SetAttributeRaw("providers", objectTokens([]hclwrite.ObjectAttrTokens{{
			Name:  hclwrite.TokensForIdentifier("aws"),
			Value: hclwrite.TokensForTraversal(hcl.Traversal{hcl.TraverseRoot{Name: "aws"}, hcl.TraverseAttr{Name: s.Name}}),
		}}))
		if len(s.Graph.Parameters) > 0 {
			body.AppendNewline()
		}
		// Parameter names are valid identifiers: the stack's module, which
		// declares them as variables, rendered without error.
		for _, p := range s.Graph.Parameters {
			value := variable(stackVariableName(s.Name, p.Name))
			if in := s.Input(p.Name); in != nil {
				value = moduleOutput(in.Stack, in.Output)
			}
			body.SetAttributeTraversal(p.Name, value)
		}
	}
	return nil
}

// outputs re-exports every stack output as <stack>_<output>, so that
// `terraform output` shows each region's values without reading modules.
func (root *bundleRoot) outputs(w *fileWriter) error {
	written := 0
	for _, s := range root.bundle.Stacks {
		for _, o := range s.Graph.Outputs {
			body := w.block("", "output", s.Name+"_"+o.Name)
			if o.Description != "" {
				body.SetAttributeValue("description", cty.StringVal(o.Description))
			}
			body.SetAttributeTraversal("value", moduleOutput(s.Name, o.Name))
			written++
		}
	}
	if written == 0 {
		w.comment("This configuration has no outputs.")
	}
	return nil
}

// moduleOutput is module.<stack>.<output>.
func moduleOutput(stack, output string) hcl.Traversal {
	return hcl.Traversal{
		hcl.TraverseRoot{Name: "module"},
		hcl.TraverseAttr{Name: stack},
		hcl.TraverseAttr{Name: output},
	}
}
