package cmdutil

import (
	"errors"
	"strings"

	"github.com/scaffold-iac/scaffold/generators"
	"github.com/scaffold-iac/scaffold/validate"
)

// CheckGenerated runs the schema checks of `scaffold validate` over files
// still in memory, so a generator bug is caught before anything is
// written. It is the Factory.Validate that main installs.
//
// The pipeline's code under pipeline/ is checked like the deployment's:
// its Terraform is a root module of its own (validate groups files by
// directory) and its templates are templates.
func CheckGenerated(files []generators.File) error {
	terraformFiles := map[string][]byte{}
	var findings []validate.Finding
	for _, f := range files {
		dir := strings.TrimPrefix(f.Path, "pipeline/")
		switch {
		case strings.HasPrefix(dir, "terraform/") && strings.HasSuffix(f.Path, ".tf"):
			terraformFiles[f.Path] = f.Content
		case strings.HasPrefix(dir, "cloudformation/") && (strings.HasSuffix(f.Path, ".yaml") || strings.HasSuffix(f.Path, ".yml")):
			findings = append(findings, validate.CloudFormation(f.Path, f.Content)...)
		}
	}
	if len(terraformFiles) > 0 {
		findings = append(findings, validate.Terraform(terraformFiles)...)
	}
	errs := make([]error, len(findings))
	for i, f := range findings {
		errs[i] = errors.New(f.String())
	}
	return errors.Join(errs...)
}
