// Package terraform renders an architecture graph as a Terraform root module
// for the hashicorp/aws provider.
//
// The package owns the mapping from neutral kinds to Terraform resource types
// (see Mapping) and every choice about how the module looks: which files it
// has, where references, interpolation and policies go, and which data
// sources stand in for deploy-time values. All HCL is built with hclwrite and
// formatted once per file, so the output is valid, canonical and identical
// for identical graphs.
//
// It imports the graph and generators packages and the HCL libraries only;
// it must not import blueprints or commands, which sit above it.
package terraform

import (
	"errors"
	"fmt"

	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/hashicorp/hcl/v2/hclwrite"
	"github.com/zclconf/go-cty/cty"

	"github.com/scaffold-iac/scaffold/generators"
	"github.com/scaffold-iac/scaffold/generators/graph"
)

// Version constraints written into versions.tf. They are constants so that
// documentation and tests quote the same values the module does.
const (
	// RequiredTerraformVersion is the oldest Terraform the module is written
	// for: it uses no language feature newer than 1.5.
	RequiredTerraformVersion = ">= 1.5.0"
	// RemoteStateTerraformVersion replaces it for a module with a remote
	// state backend: the backend's use_lockfile (locking with an object
	// next to the state, no DynamoDB table) arrived in 1.10, and older
	// releases reject the argument at init.
	RemoteStateTerraformVersion = ">= 1.10.0"
	// WriteOnlyTerraformVersion replaces either for a module that sets a
	// write-only argument (password_wo, secret_string_wo), which
	// Terraform sends to the provider but never stores in the plan or the
	// state; they arrived in 1.11.
	WriteOnlyTerraformVersion = ">= 1.11.0"
	// AWSProviderSource is the only provider the module uses.
	AWSProviderSource = "hashicorp/aws"
	// AWSProviderVersion pins the provider's major version, so a future
	// major release with breaking changes is never picked up silently. 6.0
	// itself is the floor: it renamed attributes the module reads, such as
	// aws_region's name, which became region.
	AWSProviderVersion = "~> 6.0"
)

// Dir is the directory, relative to the output root, that holds the module.
const Dir = "terraform"

// Generator renders graphs as Terraform. It has no state: one value can
// render any number of graphs, concurrently.
type Generator struct{}

var _ generators.Generator = (*Generator)(nil)

// New returns a Terraform generator.
func New() *Generator { return &Generator{} }

// Name returns "terraform", the --format value that selects the generator.
func (*Generator) Name() string { return "terraform" }

// Generate renders the graph as a root module: versions.tf, providers.tf,
// variables.tf, main.tf and outputs.tf under terraform/, sorted by path,
// plus backend.tf when the graph keeps its state remotely. The file set is
// otherwise fixed, even when a file has little to say, because scripts and
// the comparison view rely on the layout.
//
// It reports every problem it finds in one joined error and returns no
// files when there is any, so a caller never writes half a module.
func (*Generator) Generate(g *graph.Graph) ([]generators.File, error) {
	if g == nil {
		return nil, errors.New("render terraform: no graph")
	}
	// Blueprints validate before returning, but the generator is also a
	// library; a dangling reference caught here reads better than one that
	// terraform validate reports against generated code.
	if err := g.Validate(); err != nil {
		return nil, fmt.Errorf("render terraform for graph %q: %w", g.Name, err)
	}
	// Said up front, rather than as a failure of the tags variable, because
	// the remedy is another entry point, not another graph.
	for _, t := range g.Tags {
		if t.Param != "" {
			return nil, fmt.Errorf("render terraform for graph %q: tag %q reads parameter %q, but %s", g.Name, t.Key, t.Param, paramTagLimit)
		}
	}
	r, err := newRenderer(g)
	if err != nil {
		return nil, fmt.Errorf("render terraform for graph %q: %w", g.Name, err)
	}

	builders := []fileBuilder{
		{"versions.tf", versionsOf(g)},
		{"providers.tf", r.providers},
		{"variables.tf", r.variables},
		{"main.tf", r.main},
		{"outputs.tf", r.outputs},
	}
	if g.RemoteState {
		builders = append(builders, fileBuilder{"backend.tf", r.backend})
	}
	files, err := buildFiles(Dir, builders)
	if err != nil {
		return nil, fmt.Errorf("render terraform for graph %q: %w", g.Name, err)
	}
	generators.SortFiles(files)
	return files, nil
}

// fileBuilder writes one file of a module.
type fileBuilder struct {
	name  string
	build func(*fileWriter) error
}

// buildFiles runs every builder, naming its file dir/<name>, and reports
// every failure at once, with no files when there is any.
func buildFiles(dir string, builders []fileBuilder) ([]generators.File, error) {
	files := make([]generators.File, 0, len(builders))
	var errs []error
	for _, b := range builders {
		w := newFileWriter()
		if err := b.build(w); err != nil {
			errs = append(errs, fmt.Errorf("%s: %w", b.name, err))
			continue
		}
		files = append(files, generators.File{Path: dir + "/" + b.name, Content: w.bytes()})
	}
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	return files, nil
}

// GenerateModule renders the graph as a child module meant to be called
// from a root module, typically with for_each, once per deployment that
// differs only in its parameter values (a lab's students):
//
//	versions.tf    required Terraform and provider versions
//	variables.tf   tags, then one variable per graph parameter
//	main.tf        the resources, as Generate writes them
//	outputs.tf     the graph's outputs
//
// The paths have no directory: where the module lives is the caller's
// choice. There is no provider block and no region variable, because a
// module that configures a provider cannot be called with for_each; the
// caller's provider decides the region.
//
// A root sets its provider's default_tags once, for every instance of
// the module, so in this mode every resource that takes tags carries
// them itself: the caller's tags variable merged with the graph's tags
// and the component's Name. That is also what lets a tag read a
// parameter (graph.Tag.Param), which Generate refuses.
func (*Generator) GenerateModule(g *graph.Graph) ([]generators.File, error) {
	if g == nil {
		return nil, errors.New("render terraform module: no graph")
	}
	if err := g.Validate(); err != nil {
		return nil, fmt.Errorf("render terraform module for graph %q: %w", g.Name, err)
	}
	r, err := newRenderer(g, withResourceTags())
	if err != nil {
		return nil, fmt.Errorf("render terraform module for graph %q: %w", g.Name, err)
	}
	contents, err := renderModule(r, versionsOf(g))
	if err != nil {
		return nil, fmt.Errorf("render terraform module for graph %q: %w", g.Name, err)
	}
	files := make([]generators.File, 0, len(moduleFiles))
	for _, name := range moduleFiles {
		files = append(files, generators.File{Path: name, Content: contents[name]})
	}
	generators.SortFiles(files)
	return files, nil
}

// resource is a component's place in the module.
type resource struct {
	component *graph.Component
	mapping   *TypeMapping
	// name is the Terraform resource name, the second block label.
	name string
}

// renderer holds what every file needs: the graph and each component's
// resource address, resolved once so that references are cheap and
// consistent.
type renderer struct {
	graph     *graph.Graph
	resources map[string]resource
	// resourceTags puts the graph's tags, merged over a tags variable, on
	// every taggable resource instead of leaving them to the provider's
	// default_tags: module mode (see GenerateModule).
	resourceTags bool
}

// rendererOption changes how a renderer writes the module. The options
// are choices of the output's shape, not facts about the architecture, so
// they live here rather than in the graph.
type rendererOption func(*renderer)

// withResourceTags selects module mode's per-resource tags.
func withResourceTags() rendererOption {
	return func(r *renderer) { r.resourceTags = true }
}

// newRenderer maps every component to a resource type and name, reporting
// unknown kinds and names that Terraform would reject or that collide.
func newRenderer(g *graph.Graph, options ...rendererOption) (*renderer, error) {
	r := &renderer{graph: g, resources: make(map[string]resource, len(g.Components))}
	for _, option := range options {
		option(r)
	}
	addresses := make(map[string]string, len(g.Components))
	var errs []error
	for i := range g.Components {
		c := &g.Components[i]
		m := lookup(c.Kind)
		if m == nil {
			errs = append(errs, fmt.Errorf("component %q: kind %q has no Terraform mapping", c.ID, c.Kind))
			continue
		}
		name := resourceName(c)
		if !validName(name) {
			errs = append(errs, fmt.Errorf("component %q: %q is not a valid Terraform resource name", c.ID, name))
			continue
		}
		address := m.Type + "." + name
		if other, ok := addresses[address]; ok {
			errs = append(errs, fmt.Errorf("components %q and %q both render as %s", other, c.ID, address))
			continue
		}
		addresses[address] = c.ID
		r.resources[c.ID] = resource{component: c, mapping: m, name: name}
	}
	return r, errors.Join(errs...)
}

// resourceName is the component ID, except that a component named after its
// own kind becomes "main": aws_vpc.main.id reads better than aws_vpc.vpc.id
// and is the convention in the provider's documentation.
func resourceName(c *graph.Component) string {
	if c.ID == string(c.Kind) {
		return "main"
	}
	return c.ID
}

// validName reports whether s can be a resource, variable or output name:
// an HCL identifier, which Terraform also requires, other than the literals.
func validName(s string) bool {
	return hclsyntax.ValidIdentifier(s) && !reserved[s]
}

// reserved are identifiers that HCL reads as literals, so they cannot name
// anything or be an unquoted object key.
var reserved = map[string]bool{"true": true, "false": true, "null": true}

// requiredVersion is the oldest Terraform a graph's module runs on: a
// remote state needs 1.10 and a write-only argument 1.11. Root and child
// modules of a bundle require the same versions, which tflint asks of
// every module, so a bundle takes the newest any of its graphs needs.
func requiredVersion(graphs ...*graph.Graph) string {
	version := RequiredTerraformVersion
	for _, g := range graphs {
		if usesWriteOnly(g) {
			return WriteOnlyTerraformVersion
		}
		if g.RemoteState {
			version = RemoteStateTerraformVersion
		}
	}
	return version
}

// usesWriteOnly reports whether the graph sets a write-only argument:
// secret values go to nothing else.
func usesWriteOnly(g *graph.Graph) bool {
	return g.Uses(func(v graph.Value) bool {
		switch v.(type) {
		case graph.GeneratedSecret, graph.SecretValue:
			return true
		}
		return false
	})
}

// versionsOf writes the terraform block of a graph's module.
func versionsOf(graphs ...*graph.Graph) func(*fileWriter) error {
	version := requiredVersion(graphs...)
	return func(w *fileWriter) error { return versionsFor(w, version) }
}

func versionsFor(w *fileWriter, version string) error {
	body := w.block("", "terraform")
	body.SetAttributeValue("required_version", ctyString(version))
	body.AppendNewline()
	providers := body.AppendNewBlock("required_providers", nil).Body()
	providers.SetAttributeRaw("aws", hclwrite.TokensForObject([]hclwrite.ObjectAttrTokens{
		{Name: hclwrite.TokensForIdentifier("source"), Value: hclwrite.TokensForValue(ctyString(AWSProviderSource))},
		{Name: hclwrite.TokensForIdentifier("version"), Value: hclwrite.TokensForValue(ctyString(AWSProviderVersion))},
	}))
	return nil
}

// backend writes a partial S3 backend: where the state lives (bucket, key,
// region and the KMS key that encrypts it) is only known once the pipeline
// that owns the bucket exists, so the pipeline passes it with
// -backend-config at init, and the file fixes only what every
// configuration must have.
func (r *renderer) backend(w *fileWriter) error {
	w.comment("State lives in S3. The bucket, key, region and KMS key are given at init time " +
		"(terraform init -backend-config=bucket=... and so on) by the pipeline that deploys this " +
		"module; its README shows the same command for running Terraform by hand. use_lockfile " +
		"locks the state with an object next to it (Terraform 1.10 or later), so no DynamoDB table is needed.")
	body := w.block("", "terraform")
	s3 := body.AppendNewBlock("backend", []string{"s3"}).Body()
	s3.SetAttributeValue("use_lockfile", cty.True)
	s3.SetAttributeValue("encrypt", cty.True)
	return nil
}

// providers configures the one AWS provider. Tags go through default_tags
// rather than onto each resource: the provider merges them into every
// taggable resource, so the resources only carry their Name tag.
func (r *renderer) providers(w *fileWriter) error {
	body := w.block("", "provider", "aws")
	body.SetAttributeTraversal("region", variable(regionVariable))
	body.AppendNewline()
	tags := body.AppendNewBlock("default_tags", nil).Body()
	tags.SetAttributeTraversal("tags", variable(tagsVariable))
	return nil
}

// outputs writes one output per graph output, in graph order.
func (r *renderer) outputs(w *fileWriter) error {
	if len(r.graph.Outputs) == 0 {
		w.comment("This module has no outputs.")
		return nil
	}
	var errs []error
	for _, o := range r.graph.Outputs {
		if !validName(o.Name) {
			errs = append(errs, fmt.Errorf("output %q: not a valid Terraform output name", o.Name))
			continue
		}
		body := w.block("", "output", o.Name)
		if o.Description != "" {
			body.SetAttributeValue("description", ctyString(o.Description))
		}
		if err := r.setAttribute(body, 1, "value", o.Value); err != nil {
			errs = append(errs, fmt.Errorf("output %q: %w", o.Name, err))
		}
	}
	return errors.Join(errs...)
}
