package validate

import (
	"fmt"
	"path"
	"path/filepath"
	"slices"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/ext/typeexpr"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"

	"github.com/scaffold-iac/scaffold/schemas"
)

// Terraform checks a Terraform configuration held in memory. files maps a
// file name to its contents; the .tf files of one directory form one module,
// and a module block whose source is a local path ("./modules/vpc") is
// checked against the module in that directory when files holds it. A
// directory that no module block calls is a root module.
//
// Findings name files by their keys in files and come back sorted.
func Terraform(files map[string][]byte) []Finding {
	schema, err := schemas.Terraform()
	if err != nil {
		return []Finding{{Message: fmt.Sprintf("loading the Terraform provider schema: %v", err)}}
	}
	c := &tfChecker{schema: schema}
	modules := c.parse(files)
	for _, m := range modules {
		c.collect(m)
	}
	c.linkModuleCalls(modules)
	for _, m := range modules {
		c.checkModule(m)
	}
	return sortFindings(c.findings)
}

// tfChecker accumulates findings while checking one configuration.
type tfChecker struct {
	schema   *schemas.TerraformSchema
	findings []Finding
}

// addf records a finding at the start of rng.
func (c *tfChecker) addf(rng hcl.Range, format string, args ...any) {
	c.findings = append(c.findings, Finding{
		File:    rng.Filename,
		Line:    rng.Start.Line,
		Column:  rng.Start.Column,
		Message: fmt.Sprintf(format, args...),
	})
}

// tfModule is one directory of .tf files and what they declare.
type tfModule struct {
	dir   string // slash-separated, as path.Dir gives it
	files []tfFile
	// broken is set when a file has syntax errors: the module's other
	// checks would only echo them, so they are skipped.
	broken bool
	// child is set when another module in the configuration calls this one.
	child bool

	resources map[string]*tfResource // by "type.name"
	data      map[string]*tfResource // by "type.name", without "data."
	variables map[string]*tfVariable
	locals    map[string]*hclsyntax.Attribute
	outputs   map[string]*hclsyntax.Block
	calls     map[string]*tfCall
	// aliases are the aws provider configurations besides the default one:
	// alias arguments of provider blocks and configuration_aliases.
	aliases map[string]bool
	// requiredAWS is set once a required_providers block declares aws.
	requiredAWS bool
}

// tfFile is one parsed file of a module.
type tfFile struct {
	name string
	body *hclsyntax.Body
}

// tfResource is a resource or data block.
type tfResource struct {
	block          *hclsyntax.Block
	data           bool
	typeName, name string
	schema         *schemas.Block // nil when the type is unknown
	count, forEach bool
}

// address is how the configuration refers to the resource.
func (r *tfResource) address() string {
	if r.data {
		return "data." + r.typeName + "." + r.name
	}
	return r.typeName + "." + r.name
}

// tfVariable is a variable block.
type tfVariable struct {
	block      *hclsyntax.Block
	typ        cty.Type // cty.DynamicPseudoType when absent or invalid
	hasDefault bool
}

// tfCall is a module block.
type tfCall struct {
	block  *hclsyntax.Block
	source string
	// target is the called module when its source is a local directory
	// present in the configuration.
	target *tfModule
}

// parse parses every file and groups the files into modules, sorted by
// directory. Syntax errors become findings.
func (c *tfChecker) parse(files map[string][]byte) []*tfModule {
	byDir := make(map[string]*tfModule)
	for _, name := range sortedKeys(files) {
		dir := path.Dir(filepath.ToSlash(name))
		m := byDir[dir]
		if m == nil {
			m = &tfModule{dir: dir}
			byDir[dir] = m
		}
		file, diags := hclsyntax.ParseConfig(files[name], name, hcl.InitialPos)
		for _, diag := range diags {
			if diag.Severity != hcl.DiagError {
				continue
			}
			m.broken = true
			rng := hcl.Range{Filename: name}
			if diag.Subject != nil {
				rng = *diag.Subject
			}
			c.addf(rng, "syntax error: %s", diagText(diag))
		}
		if body, ok := file.Body.(*hclsyntax.Body); ok {
			m.files = append(m.files, tfFile{name: name, body: body})
		}
	}
	modules := make([]*tfModule, 0, len(byDir))
	for _, dir := range sortedKeys(byDir) {
		modules = append(modules, byDir[dir])
	}
	return modules
}

// diagText is the most specific text of an HCL diagnostic.
func diagText(diag *hcl.Diagnostic) string {
	if diag.Detail != "" {
		return diag.Detail
	}
	return diag.Summary
}

// collect records what a module declares, reporting duplicates and block
// headers (labels) that are malformed.
func (c *tfChecker) collect(m *tfModule) {
	m.resources = make(map[string]*tfResource)
	m.data = make(map[string]*tfResource)
	m.variables = make(map[string]*tfVariable)
	m.locals = make(map[string]*hclsyntax.Attribute)
	m.outputs = make(map[string]*hclsyntax.Block)
	m.calls = make(map[string]*tfCall)
	m.aliases = make(map[string]bool)
	if m.broken {
		return
	}
	for _, f := range m.files {
		for _, name := range sortedKeys(f.body.Attributes) {
			c.addf(f.body.Attributes[name].NameRange, "unexpected argument %q at the top level; only blocks belong here", name)
		}
		for _, block := range f.body.Blocks {
			c.collectBlock(m, block)
		}
	}
}

// blockLabels maps each top-level block type to the labels it takes.
var blockLabels = map[string][]string{
	"terraform": nil,
	"provider":  {"name"},
	"variable":  {"name"},
	"locals":    nil,
	"output":    {"name"},
	"module":    {"name"},
	"resource":  {"type", "name"},
	"data":      {"type", "name"},
	"moved":     nil,
	"import":    nil,
	"removed":   nil,
	"check":     {"name"},
}

// collectBlock records one top-level block.
func (c *tfChecker) collectBlock(m *tfModule, block *hclsyntax.Block) {
	want, known := blockLabels[block.Type]
	if !known {
		c.addf(block.TypeRange, "unknown block type %q", block.Type)
		return
	}
	if len(block.Labels) != len(want) {
		if len(want) == 0 {
			c.addf(block.DefRange(), "%s block takes no labels", block.Type)
		} else {
			c.addf(block.DefRange(), "%s block needs %d label(s): %s", block.Type, len(want), strings.Join(want, ", "))
		}
		return
	}
	for i, label := range block.Labels {
		if !hclsyntax.ValidIdentifier(label) {
			c.addf(block.LabelRanges[i], "%s block has an invalid %s %q: use letters, digits, underscores and dashes, starting with a letter", block.Type, want[i], label)
			return
		}
	}

	switch block.Type {
	case "resource", "data":
		r := &tfResource{block: block, data: block.Type == "data", typeName: block.Labels[0], name: block.Labels[1]}
		_, r.count = block.Body.Attributes["count"]
		_, r.forEach = block.Body.Attributes["for_each"]
		table := m.resources
		if r.data {
			table = m.data
			r.schema, _ = c.schema.DataSource(r.typeName)
		} else if builtin, ok := builtinResources[r.typeName]; ok {
			r.schema = builtin
		} else {
			r.schema, _ = c.schema.Resource(r.typeName)
		}
		key := r.typeName + "." + r.name
		if first, dup := table[key]; dup {
			c.addf(block.DefRange(), "%s is declared twice (first at %s)", r.address(), posString(first.block.DefRange()))
			return
		}
		table[key] = r
	case "variable":
		name := block.Labels[0]
		if first, dup := m.variables[name]; dup {
			c.addf(block.DefRange(), "variable %q is declared twice (first at %s)", name, posString(first.block.DefRange()))
			return
		}
		v := &tfVariable{block: block, typ: cty.DynamicPseudoType}
		if attr, ok := block.Body.Attributes["type"]; ok {
			if typ, _, diags := typeexpr.TypeConstraintWithDefaults(attr.Expr); !diags.HasErrors() {
				v.typ = typ
			}
		}
		_, v.hasDefault = block.Body.Attributes["default"]
		m.variables[name] = v
	case "locals":
		for _, name := range sortedKeys(block.Body.Attributes) {
			attr := block.Body.Attributes[name]
			if first, dup := m.locals[name]; dup {
				c.addf(attr.NameRange, "local value %q is declared twice (first at %s)", name, posString(first.NameRange))
				continue
			}
			m.locals[name] = attr
		}
	case "output":
		name := block.Labels[0]
		if first, dup := m.outputs[name]; dup {
			c.addf(block.DefRange(), "output %q is declared twice (first at %s)", name, posString(first.DefRange()))
			return
		}
		m.outputs[name] = block
	case "module":
		name := block.Labels[0]
		if first, dup := m.calls[name]; dup {
			c.addf(block.DefRange(), "module %q is declared twice (first at %s)", name, posString(first.block.DefRange()))
			return
		}
		call := &tfCall{block: block}
		if attr, ok := block.Body.Attributes["source"]; ok {
			if v := literalValue(attr.Expr); v.IsKnown() && v.Type() == cty.String {
				call.source = v.AsString()
			}
		}
		m.calls[name] = call
	case "provider":
		if block.Labels[0] != "aws" {
			return // reported by checkProvider
		}
		if attr, ok := block.Body.Attributes["alias"]; ok {
			if v := literalValue(attr.Expr); v.IsKnown() && v.Type() == cty.String {
				m.aliases[v.AsString()] = true
			}
		}
	case "terraform":
		for _, rp := range block.Body.Blocks {
			if rp.Type != "required_providers" {
				continue
			}
			if attr, ok := rp.Body.Attributes["aws"]; ok {
				m.requiredAWS = true
				for _, alias := range configurationAliases(attr.Expr) {
					m.aliases[alias] = true
				}
			}
		}
	}
}

// configurationAliases returns the aliases an aws entry of
// required_providers declares in configuration_aliases ([aws.west]).
func configurationAliases(expr hclsyntax.Expression) []string {
	obj, ok := expr.(*hclsyntax.ObjectConsExpr)
	if !ok {
		return nil
	}
	var aliases []string
	for _, item := range obj.Items {
		if key, ok := objectKey(item.KeyExpr); !ok || key != "configuration_aliases" {
			continue
		}
		tuple, ok := item.ValueExpr.(*hclsyntax.TupleConsExpr)
		if !ok {
			continue
		}
		for _, elem := range tuple.Exprs {
			trav, diags := hcl.AbsTraversalForExpr(elem)
			if !diags.HasErrors() && len(trav) == 2 && trav.RootName() == "aws" {
				if attr, ok := trav[1].(hcl.TraverseAttr); ok {
					aliases = append(aliases, attr.Name)
				}
			}
		}
	}
	return aliases
}

// linkModuleCalls resolves module blocks with local sources to the modules
// parsed from the same configuration, and marks those modules as children.
func (c *tfChecker) linkModuleCalls(modules []*tfModule) {
	byDir := make(map[string]*tfModule, len(modules))
	for _, m := range modules {
		byDir[m.dir] = m
	}
	for _, m := range modules {
		for _, name := range sortedKeys(m.calls) {
			call := m.calls[name]
			if !strings.HasPrefix(call.source, "./") && !strings.HasPrefix(call.source, "../") {
				continue // a registry or remote module: nothing here to check against
			}
			target, ok := byDir[path.Join(m.dir, call.source)]
			if !ok {
				c.addf(call.block.Body.Attributes["source"].Expr.Range(), "module.%s: no .tf files found in module source %q", name, call.source)
				continue
			}
			target.child = true
			if !target.broken {
				call.target = target
			}
		}
	}
}

// checkModule runs every check on one module.
func (c *tfChecker) checkModule(m *tfModule) {
	if m.broken || len(m.files) == 0 {
		return
	}
	if !m.child && !m.requiredAWS {
		c.addf(c.requiredProvidersRange(m), `terraform: required_providers has no entry for aws; add aws = { source = "hashicorp/aws", version = "~> 6.0" } (usually in versions.tf)`)
	}
	for _, f := range m.files {
		for _, block := range f.body.Blocks {
			c.checkTopBlock(m, block)
		}
	}
}

// requiredProvidersRange is where to report a missing aws requirement: the
// first terraform block if there is one, else the start of versions.tf or
// of the module's first file.
func (c *tfChecker) requiredProvidersRange(m *tfModule) hcl.Range {
	for _, f := range m.files {
		for _, block := range f.body.Blocks {
			if block.Type == "terraform" {
				return block.DefRange()
			}
		}
	}
	name := m.files[0].name
	for _, f := range m.files {
		if path.Base(filepath.ToSlash(f.name)) == "versions.tf" {
			name = f.name
		}
	}
	return hcl.Range{Filename: name, Start: hcl.InitialPos, End: hcl.InitialPos}
}

// checkTopBlock checks one top-level block whose header collect accepted.
func (c *tfChecker) checkTopBlock(m *tfModule, block *hclsyntax.Block) {
	want, known := blockLabels[block.Type]
	if !known || len(block.Labels) != len(want) {
		return // reported by collect
	}
	switch block.Type {
	case "resource":
		c.checkResource(m, m.resources[block.Labels[0]+"."+block.Labels[1]])
	case "data":
		c.checkResource(m, m.data[block.Labels[0]+"."+block.Labels[1]])
	case "variable":
		c.checkVariable(m, block)
	case "locals":
		scope := &tfScope{module: m, subject: "locals"}
		for _, name := range sortedKeys(block.Body.Attributes) {
			scope.subject = "local." + name
			c.checkRefs(scope, block.Body.Attributes[name].Expr)
		}
		for _, nested := range block.Body.Blocks {
			c.addf(nested.TypeRange, "locals: unexpected block %q", nested.Type)
		}
	case "output":
		c.checkOutput(m, block)
	case "module":
		c.checkModuleCall(m, block)
	case "provider":
		c.checkProvider(m, block)
	case "terraform":
		c.checkTerraformBlock(block)
	case "moved", "import", "removed", "check":
		// Accepted without checks: scaffold does not generate them, and
		// their references may name resources that no longer exist.
	}
}

// checkResource checks a resource or data block: its type, arguments,
// nested blocks, meta-arguments and references.
func (c *tfChecker) checkResource(m *tfModule, r *tfResource) {
	if r == nil || r.block == nil {
		return // a duplicate; the first declaration is checked
	}
	subject := r.address()
	if r.schema == nil {
		kind := "resource type"
		if r.data {
			kind = "data source type"
		}
		c.addf(r.block.LabelRanges[0], "%s: unknown %s %q%s", subject, kind, r.typeName, c.suggestType(r))
	}
	if r.count && r.forEach {
		c.addf(r.block.Body.Attributes["for_each"].NameRange, `%s: "count" and "for_each" cannot both be set`, subject)
	}
	scope := &tfScope{module: m, subject: subject, count: r.count, forEach: r.forEach}
	kind := resourceBody
	if r.data {
		kind = dataBody
	}
	c.checkBody(scope, subject, r.block, r.schema, kind, r)
}

// suggestType returns ` (did you mean "x"?)` for an unknown type name that
// is close to a known one, or "".
func (c *tfChecker) suggestType(r *tfResource) string {
	names := c.schema.ResourceTypes()
	if r.data {
		names = c.schema.DataSourceTypes()
	}
	return didYouMean(r.typeName, names)
}

// checkVariable checks a variable block: the arguments Terraform allows,
// the type and description scaffold requires, and a literal default against
// the type.
func (c *tfChecker) checkVariable(m *tfModule, block *hclsyntax.Block) {
	subject := "var." + block.Labels[0]
	if reservedVariableNames[block.Labels[0]] {
		c.addf(block.LabelRanges[0], "%s: the name %q is reserved by Terraform", subject, block.Labels[0])
	}
	body := block.Body
	for _, name := range sortedKeys(body.Attributes) {
		attr := body.Attributes[name]
		switch name {
		case "type":
			if _, _, diags := typeexpr.TypeConstraintWithDefaults(attr.Expr); diags.HasErrors() {
				c.addf(attr.Expr.Range(), "%s: invalid type: %s", subject, diagText(diags[0]))
			}
		case "default":
			if len(attr.Expr.Variables()) > 0 {
				c.addf(attr.Expr.Range(), "%s: a default value cannot refer to other values", subject)
				continue
			}
			c.checkLiteral(subject, "default", attr.Expr, m.variables[block.Labels[0]].typ)
		case "description", "sensitive", "nullable", "ephemeral":
			c.checkLiteral(subject, name, attr.Expr, variableArgTypes[name])
		default:
			c.addf(attr.NameRange, "%s: unknown argument %q", subject, name)
		}
	}
	if _, ok := body.Attributes["type"]; !ok {
		c.addf(block.DefRange(), "%s: variable has no type", subject)
	}
	if _, ok := body.Attributes["description"]; !ok {
		c.addf(block.DefRange(), "%s: variable has no description", subject)
	}
	for _, nested := range body.Blocks {
		if nested.Type != "validation" {
			c.addf(nested.TypeRange, "%s: unexpected block %q", subject, nested.Type)
			continue
		}
		// Conditions may refer to the variable itself and, since
		// Terraform 1.9, to other values of the module.
		c.checkCondition(&tfScope{module: m, subject: subject}, subject+".validation", nested)
	}
}

// checkOutput checks an output block.
func (c *tfChecker) checkOutput(m *tfModule, block *hclsyntax.Block) {
	subject := "output." + block.Labels[0]
	scope := &tfScope{module: m, subject: subject}
	body := block.Body
	for _, name := range sortedKeys(body.Attributes) {
		attr := body.Attributes[name]
		switch name {
		case "value":
			c.checkRefs(scope, attr.Expr)
		case "depends_on":
			c.checkDependsOn(scope, attr)
		case "description", "sensitive", "ephemeral":
			c.checkLiteral(subject, name, attr.Expr, variableArgTypes[name])
			c.checkRefs(scope, attr.Expr)
		default:
			c.addf(attr.NameRange, "%s: unknown argument %q", subject, name)
		}
	}
	if _, ok := body.Attributes["value"]; !ok {
		c.addf(block.DefRange(), "%s: output has no value", subject)
	}
	for _, nested := range body.Blocks {
		if nested.Type != "precondition" {
			c.addf(nested.TypeRange, "%s: unexpected block %q", subject, nested.Type)
			continue
		}
		c.checkCondition(scope, subject+".precondition", nested)
	}
}

// moduleMetaArguments are the arguments of a module block that are not
// input variables of the called module.
var moduleMetaArguments = map[string]bool{
	"source": true, "version": true, "count": true, "for_each": true, "depends_on": true, "providers": true,
}

// checkModuleCall checks a module block. When the called module is part of
// the configuration, its arguments are checked against its variables.
func (c *tfChecker) checkModuleCall(m *tfModule, block *hclsyntax.Block) {
	name := block.Labels[0]
	subject := "module." + name
	call := m.calls[name]
	if call == nil || call.block != block {
		return // a duplicate
	}
	body := block.Body
	_, hasCount := body.Attributes["count"]
	_, hasForEach := body.Attributes["for_each"]
	if hasCount && hasForEach {
		c.addf(body.Attributes["for_each"].NameRange, `%s: "count" and "for_each" cannot both be set`, subject)
	}
	scope := &tfScope{module: m, subject: subject, count: hasCount, forEach: hasForEach}
	if _, ok := body.Attributes["source"]; !ok {
		c.addf(block.DefRange(), "%s: module has no source", subject)
	}
	for _, argName := range sortedKeys(body.Attributes) {
		attr := body.Attributes[argName]
		switch argName {
		case "source", "version":
			c.checkLiteral(subject, argName, attr.Expr, cty.String)
			if len(attr.Expr.Variables()) > 0 {
				c.addf(attr.Expr.Range(), "%s: %s must be a literal string", subject, argName)
			}
		case "count", "for_each":
			c.checkRepetition(&tfScope{module: m, subject: subject}, argName, attr)
		case "depends_on":
			c.checkDependsOn(scope, attr)
		case "providers":
			c.checkProvidersMap(scope, attr)
		default:
			c.checkRefs(scope, attr.Expr)
			if call.target == nil {
				continue
			}
			v, ok := call.target.variables[argName]
			if !ok {
				c.addf(attr.NameRange, "%s: unknown argument %q (module %q has no variable %q)%s", subject, argName, call.source, argName, didYouMean(argName, sortedKeys(call.target.variables)))
				continue
			}
			c.checkLiteral(subject, argName, attr.Expr, v.typ)
		}
	}
	for _, nested := range body.Blocks {
		c.addf(nested.TypeRange, "%s: unexpected block %q", subject, nested.Type)
	}
	if call.target == nil {
		return
	}
	for _, varName := range sortedKeys(call.target.variables) {
		if _, set := body.Attributes[varName]; !set && !call.target.variables[varName].hasDefault && !moduleMetaArguments[varName] {
			c.addf(block.DefRange(), "%s: required argument %q is missing (variable %q of module %q has no default)", subject, varName, varName, call.source)
		}
	}
}

// checkProvidersMap checks a module block's providers = { aws.x = aws.y }.
func (c *tfChecker) checkProvidersMap(scope *tfScope, attr *hclsyntax.Attribute) {
	obj, ok := attr.Expr.(*hclsyntax.ObjectConsExpr)
	if !ok {
		c.addf(attr.Expr.Range(), "%s: providers must be a map such as { aws = aws.west }", scope.subject)
		return
	}
	for _, item := range obj.Items {
		c.checkProviderRef(scope, item.ValueExpr)
	}
}

// checkProviderRef checks a reference to a provider configuration: aws or
// aws.<alias>, with the alias declared in the module.
func (c *tfChecker) checkProviderRef(scope *tfScope, expr hclsyntax.Expression) {
	trav, diags := hcl.AbsTraversalForExpr(expr)
	if diags.HasErrors() || len(trav) > 2 {
		c.addf(expr.Range(), "%s: a provider is referred to as aws or aws.<alias>, without quotes", scope.subject)
		return
	}
	if trav.RootName() != "aws" {
		c.addf(expr.Range(), "%s: unknown provider %q (only hashicorp/aws is available)", scope.subject, trav.RootName())
		return
	}
	if len(trav) == 2 {
		attr, ok := trav[1].(hcl.TraverseAttr)
		if !ok {
			c.addf(expr.Range(), "%s: a provider is referred to as aws or aws.<alias>", scope.subject)
			return
		}
		if !scope.module.aliases[attr.Name] {
			c.addf(expr.Range(), `%s: no provider "aws" block has alias %q`, scope.subject, attr.Name)
		}
	}
}

// checkProvider checks a provider block against the provider schema.
func (c *tfChecker) checkProvider(m *tfModule, block *hclsyntax.Block) {
	name := block.Labels[0]
	subject := "provider." + name
	if name != "aws" {
		c.addf(block.LabelRanges[0], "%s: unknown provider %q (only hashicorp/aws is available)", subject, name)
		c.checkBody(&tfScope{module: m, subject: subject}, subject, block, nil, providerBody, nil)
		return
	}
	if attr, ok := block.Body.Attributes["alias"]; ok {
		if v := literalValue(attr.Expr); v.IsKnown() && v.Type() == cty.String {
			subject += "." + v.AsString()
		}
	}
	c.checkBody(&tfScope{module: m, subject: subject}, subject, block, c.schema.Provider, providerBody, nil)
}

// checkTerraformBlock checks the settings block, above all that
// required_providers pins aws to hashicorp/aws with a version constraint.
func (c *tfChecker) checkTerraformBlock(block *hclsyntax.Block) {
	for _, name := range sortedKeys(block.Body.Attributes) {
		attr := block.Body.Attributes[name]
		switch name {
		case "required_version":
			c.checkLiteral("terraform", name, attr.Expr, cty.String)
		case "experiments":
		default:
			c.addf(attr.NameRange, "terraform: unknown argument %q", name)
		}
	}
	for _, nested := range block.Body.Blocks {
		switch nested.Type {
		case "required_providers":
			c.checkRequiredProviders(nested)
		case "backend", "cloud", "provider_meta":
		default:
			c.addf(nested.TypeRange, "terraform: unknown block %q", nested.Type)
		}
	}
}

// checkRequiredProviders checks the aws entry of a required_providers block.
func (c *tfChecker) checkRequiredProviders(block *hclsyntax.Block) {
	attr, ok := block.Body.Attributes["aws"]
	if !ok {
		return
	}
	obj, ok := attr.Expr.(*hclsyntax.ObjectConsExpr)
	if !ok {
		c.addf(attr.Expr.Range(), `terraform: required_providers.aws must be an object: { source = "hashicorp/aws", version = "~> 6.0" }`)
		return
	}
	var source, version bool
	for _, item := range obj.Items {
		key, _ := objectKey(item.KeyExpr)
		switch key {
		case "source":
			source = true
			v := literalValue(item.ValueExpr)
			if !v.IsKnown() || v.Type() != cty.String || !slices.Contains(awsSources, strings.ToLower(v.AsString())) {
				c.addf(item.ValueExpr.Range(), `terraform: required_providers.aws.source must be "hashicorp/aws"`)
			}
		case "version":
			version = true
			c.checkLiteral("terraform", "required_providers.aws.version", item.ValueExpr, cty.String)
		case "configuration_aliases":
		default:
			c.addf(item.KeyExpr.Range(), "terraform: required_providers.aws: unknown argument %q", key)
		}
	}
	if !source {
		c.addf(attr.NameRange, `terraform: required_providers.aws has no source; add source = "hashicorp/aws"`)
	}
	if !version {
		c.addf(attr.NameRange, `terraform: required_providers.aws has no version constraint; add version = "~> 6.0"`)
	}
}

// awsSources are the spellings of the provider's source address.
var awsSources = []string{"hashicorp/aws", "registry.terraform.io/hashicorp/aws"}

// posString formats a range's start as file:line for messages that point
// at a second place.
func posString(rng hcl.Range) string {
	return fmt.Sprintf("%s:%d", rng.Filename, rng.Start.Line)
}
