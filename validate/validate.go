// Package validate checks generated (or hand-edited) Terraform and
// CloudFormation offline, against the schemas the schemas package embeds:
// resource types, argument and property names, required values, nesting,
// literal types, and that every reference points at something declared.
// The test-suite runs these checks on everything the generators produce, and
// `scaffold validate DIR` runs the same checks for users.
//
// The checks are static: expressions are not evaluated, so only literal
// values are type-checked, and nothing is compared with a real AWS account.
// `terraform validate` and cfn-lint remain the authorities; this package is
// the fast, always-available first line.
//
// Not checked, because the schemas do not say or the check needs
// evaluation: enumerations and patterns of Terraform arguments, "exactly
// one of" rules on either side, types of non-literal expressions, provider
// functions, moved/import/removed/check blocks, .tf.json files, registry
// modules, the CloudFormation Rules section and the body of
// Fn::ForEach and Fn::Transform. scaffold's own conventions are checked
// alongside the language: every Terraform variable needs a type and a
// description.
//
// validate imports schemas and the parsers (hcl, goccy/go-yaml); it must not
// import blueprints, generators or cmd.
package validate

import (
	"cmp"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/scaffold-iac/scaffold/schemas"
)

// Finding is one problem found in one file.
type Finding struct {
	// File is the file's name as it was given to Terraform or
	// CloudFormation; for Dir it is the path below DIR, joined to DIR.
	File string
	// Line and Column are 1-based; 0 means the position is unknown.
	Line, Column int
	// Message says what is wrong, naming the block, resource or reference.
	Message string
}

// String formats the finding the way compilers do: "file:line: message".
func (f Finding) String() string {
	if f.Line == 0 {
		return fmt.Sprintf("%s: %s", f.File, f.Message)
	}
	return fmt.Sprintf("%s:%d: %s", f.File, f.Line, f.Message)
}

// sortFindings orders findings by file, position and message, so output
// never depends on map order or the order checks ran in.
func sortFindings(findings []Finding) []Finding {
	slices.SortFunc(findings, func(a, b Finding) int {
		return cmp.Or(
			cmp.Compare(a.File, b.File),
			cmp.Compare(a.Line, b.Line),
			cmp.Compare(a.Column, b.Column),
			cmp.Compare(a.Message, b.Message),
		)
	})
	return slices.Compact(findings)
}

// Dir checks the output directory layout scaffold writes: every *.tf file
// below DIR/terraform (each directory is one module, and local module calls
// between them are followed) and every DIR/cloudformation/*.yaml or *.yml
// template, and the same below DIR/pipeline, where --ci puts the code of
// the deployment pipeline. A lab (scaffold lab generate) is checked
// whole: its class root (DIR/terraform), its StackSet templates
// (DIR/stackset/*.yaml) and every student's blueprint folder
// (DIR/students/<student>/<blueprint>). It returns an error only when the
// directory cannot be read or holds neither kind of output; problems in
// the files are findings.
func Dir(dir string) ([]Finding, error) {
	if _, err := os.Stat(dir); err != nil {
		return nil, fmt.Errorf("reading the output directory: %w", err)
	}
	roots := []string{dir, filepath.Join(dir, "pipeline")}
	students, err := filepath.Glob(filepath.Join(dir, "students", "*", "*"))
	if err != nil {
		return nil, err
	}
	for _, s := range students {
		if info, err := os.Stat(s); err == nil && info.IsDir() {
			roots = append(roots, s)
		}
	}
	var findings []Finding
	found := false
	stacksets, ok, err := checkTemplates(filepath.Join(dir, "stackset"))
	if err != nil {
		return nil, err
	}
	found = found || ok
	findings = append(findings, stacksets...)
	for _, root := range roots {
		more, ok, err := checkRoot(root)
		if err != nil {
			return nil, err
		}
		found = found || ok
		findings = append(findings, more...)
	}
	if !found {
		return nil, fmt.Errorf("validating %q: found neither a terraform/ nor a cloudformation/ directory", dir)
	}
	return sortFindings(findings), nil
}

// checkRoot checks root/terraform and root/cloudformation, reporting
// whether either exists.
func checkRoot(root string) ([]Finding, bool, error) {
	var findings []Finding
	found := false

	tfFiles, err := readTerraformTree(filepath.Join(root, "terraform"))
	switch {
	case errors.Is(err, fs.ErrNotExist):
	case err != nil:
		return nil, false, err
	default:
		found = true
		if _, err := schemas.Terraform(); err != nil {
			return nil, false, fmt.Errorf("loading the Terraform provider schema: %w", err)
		}
		findings = append(findings, Terraform(tfFiles)...)
	}

	more, ok, err := checkTemplates(filepath.Join(root, "cloudformation"))
	if err != nil {
		return nil, false, err
	}
	return append(findings, more...), found || ok, nil
}

// checkTemplates checks every template in dir, reporting whether dir
// exists.
func checkTemplates(dir string) ([]Finding, bool, error) {
	templates, err := cloudFormationFiles(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil, false, nil
	case err != nil:
		return nil, false, err
	}
	if _, err := schemas.CloudFormation(); err != nil {
		return nil, false, fmt.Errorf("loading the CloudFormation resource specification: %w", err)
	}
	var findings []Finding
	for _, name := range templates {
		src, err := os.ReadFile(name)
		if err != nil {
			return nil, false, fmt.Errorf("reading template: %w", err)
		}
		findings = append(findings, CloudFormation(name, src)...)
	}
	return findings, true, nil
}

// readTerraformTree reads every *.tf file below root, keyed by its path.
// Terraform's own working directories (.terraform) are skipped: they hold
// downloaded modules, not the configuration being checked.
func readTerraformTree(root string) (map[string][]byte, error) {
	info, err := os.Stat(root)
	if err != nil {
		return nil, fmt.Errorf("reading Terraform files: %w", err)
	}
	if !info.IsDir() {
		return nil, fmt.Errorf("reading Terraform files: %q is not a directory", root)
	}
	files := make(map[string][]byte)
	err = filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if d.Name() == ".terraform" {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(d.Name(), ".tf") {
			return nil
		}
		src, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		files[path] = src
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("reading Terraform files: %w", err)
	}
	return files, nil
}

// cloudFormationFiles lists the templates directly in dir, sorted.
func cloudFormationFiles(dir string) ([]string, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, fmt.Errorf("listing templates: %w", err)
	}
	var names []string
	for _, entry := range entries {
		ext := filepath.Ext(entry.Name())
		if !entry.IsDir() && (ext == ".yaml" || ext == ".yml") {
			names = append(names, filepath.Join(dir, entry.Name()))
		}
	}
	return names, nil
}
