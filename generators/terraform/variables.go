package terraform

import (
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/hashicorp/hcl/v2/hclwrite"
	"github.com/zclconf/go-cty/cty"

	"github.com/scaffold-iac/scaffold/generators/graph"
)

// The two variables every module has. The provider block reads them, so a
// graph parameter cannot take either name.
const (
	regionVariable = "region"
	tagsVariable   = "tags"
)

// regionPattern accepts the shape of AWS Region codes (us-east-1,
// us-gov-west-1, ap-southeast-7) without listing them, so a Region launched
// after the module was generated still passes.
var regionPattern = regexp.MustCompile(`^[a-z]{2}(-gov)?-[a-z]+-[0-9]$`)

// variables writes region, tags and one variable per graph parameter, with
// the parameter's constraints as validation blocks so that Terraform rejects
// a bad value at plan time, as CloudFormation does for the same parameter.
func (r *renderer) variables(w *fileWriter) error {
	errs := []error{
		regionVariableBlock(w, regionVariable, "AWS Region to deploy into.", r.graph),
		tagsVariableBlock(w, r.graph.Tags),
		r.parameterVariables(w),
	}
	return errors.Join(errs...)
}

// moduleVariables writes the variables of a child module: the graph's
// parameters only. Region and tags belong to the provider configuration,
// which only a root module may hold.
//
// In module mode the module also takes a tags variable, which it merges
// into each resource's tags, because the root's provider default_tags are
// the same for every instance of a module called with for_each.
func (r *renderer) moduleVariables(w *fileWriter) error {
	if r.resourceTags {
		body := w.block("", "variable", tagsVariable)
		body.SetAttributeRaw("type", hclwrite.TokensForFunctionCall("map", hclwrite.TokensForIdentifier("string")))
		body.SetAttributeValue("description", cty.StringVal(
			"Tags added to every taggable resource of the module, under the module's own tags and Name tag."))
		body.SetAttributeValue("default", cty.MapValEmpty(cty.String))
		return r.parameterVariables(w)
	}
	if len(r.graph.Parameters) == 0 {
		w.comment("This module has no input variables.")
		return nil
	}
	return r.parameterVariables(w)
}

// parameterVariables writes one variable per graph parameter, in graph
// order.
func (r *renderer) parameterVariables(w *fileWriter) error {
	var errs []error
	for i := range r.graph.Parameters {
		p := &r.graph.Parameters[i]
		if err := r.parameter(w, p); err != nil {
			errs = append(errs, fmt.Errorf("parameter %q: %w", p.Name, err))
		}
	}
	return errors.Join(errs...)
}

// regionVariableBlock writes the variable named name that a provider block
// reads its region from, defaulting to g's region and validated against
// g's region list when it has one.
func regionVariableBlock(w *fileWriter, name, description string, g *graph.Graph) error {
	var err error
	region := w.block("", "variable", name)
	region.SetAttributeRaw("type", hclwrite.TokensForIdentifier("string"))
	region.SetAttributeValue("description", cty.StringVal(description))
	if g.Region != "" {
		if !regionPattern.MatchString(g.Region) {
			err = fmt.Errorf("default region %q is not an AWS Region code such as \"us-east-1\"", g.Region)
		}
		region.SetAttributeValue("default", cty.StringVal(g.Region))
	}
	appendValidation(region, validation{
		condition: canMatch(regionPattern.String(), name),
		message:   "The region must be an AWS Region code such as us-east-1.",
	})
	// The graph was planned for a number of zones; a region with fewer
	// would fail at plan time with an index error instead of this message.
	if len(g.Regions) > 0 {
		list := make([]hclwrite.Tokens, len(g.Regions))
		for i, name := range g.Regions {
			list[i] = hclwrite.TokensForValue(cty.StringVal(name))
		}
		condition := hclwrite.TokensForFunctionCall("contains",
			hclwrite.TokensForTuple(list),
			hclwrite.TokensForTraversal(hcl.Traversal{hcl.TraverseRoot{Name: "var"}, hcl.TraverseAttr{Name: name}}))
		message := g.RegionHelp
		if message == "" {
			message = "The region must be one of " + strings.Join(g.Regions, ", ") + "."
		}
		appendValidation(region, validation{condition: condition, message: message})
	}
	return err
}

// tagsVariableBlock writes the tags variable that provider blocks read
// their default_tags from, defaulting to tags.
func tagsVariableBlock(w *fileWriter, tags []graph.Tag) error {
	body := w.block("", "variable", tagsVariable)
	body.SetAttributeRaw("type", hclwrite.TokensForFunctionCall("map", hclwrite.TokensForIdentifier("string")))
	body.SetAttributeValue("description", cty.StringVal(
		"Tags for every resource that supports them, applied through the provider's default_tags."))
	defaults, err := tagObject(tags)
	body.SetAttributeRaw("default", defaults)
	return err
}

// tagObject renders the graph's tags as a map literal in the graph's order.
// Tag keys are data (aws:x, cost-center), so most need quotes.
//
// It serves the tags variable and provider default_tags, which cannot read
// another variable, so a tag whose value is a parameter is an error here;
// only module mode, which tags each resource, can render one.
func tagObject(tags []graph.Tag) (hclwrite.Tokens, error) {
	attributes, err := tagAttributes(tags, func(t graph.Tag) (hclwrite.Tokens, error) {
		if t.Param != "" {
			return nil, fmt.Errorf("tag %q reads parameter %q, but %s", t.Key, t.Param, paramTagLimit)
		}
		return hclwrite.TokensForValue(cty.StringVal(t.Value)), nil
	})
	return hclwrite.TokensForObject(attributes), err
}

// paramTagLimit explains why a root module cannot take a tag that reads a
// parameter, and what to do instead.
const paramTagLimit = "a root module's tags go through the provider's default_tags, " +
	"whose tags variable cannot read another variable; render the graph as a child module with GenerateModule, " +
	"which tags each resource"

// tagAttributes checks tags (non-empty keys, no duplicates, none in the
// reserved aws: namespace) and renders each with value, in the given order.
// Every problem is reported.
func tagAttributes(tags []graph.Tag, value func(graph.Tag) (hclwrite.Tokens, error)) ([]hclwrite.ObjectAttrTokens, error) {
	var errs []error
	attributes := make([]hclwrite.ObjectAttrTokens, 0, len(tags))
	seen := make(map[string]bool, len(tags))
	for _, tag := range tags {
		switch {
		case tag.Key == "":
			errs = append(errs, errors.New("tag with an empty key"))
			continue
		case seen[tag.Key]:
			errs = append(errs, fmt.Errorf("duplicate tag %q", tag.Key))
			continue
		case strings.HasPrefix(strings.ToLower(tag.Key), "aws:"):
			// AWS rejects such keys at apply time, long after plan said
			// everything was fine.
			errs = append(errs, fmt.Errorf("tag %q: the aws: prefix is reserved for AWS", tag.Key))
			continue
		}
		seen[tag.Key] = true
		tokens, err := value(tag)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		attributes = append(attributes, hclwrite.ObjectAttrTokens{Name: objectKey(tag.Key), Value: tokens})
	}
	return attributes, errors.Join(errs...)
}

// parameter writes the variable of one graph parameter. Region and tags
// are reserved even in a child module, which has neither, so that the same
// graph renders both as a root module and as a child.
func (r *renderer) parameter(w *fileWriter, p *graph.Parameter) error {
	if p.Name == regionVariable || p.Name == tagsVariable {
		return fmt.Errorf("the name is reserved for the variable the provider block reads")
	}
	return parameterVariable(w, p)
}

// parameterVariable writes one variable block named after p in the order
// the Terraform style guide gives: type, description, default, validation.
func parameterVariable(w *fileWriter, p *graph.Parameter) error {
	if !validName(p.Name) {
		return errors.New("not a valid Terraform variable name")
	}
	var typeName string
	switch p.Type {
	case graph.ParamString:
		typeName = "string"
	case graph.ParamNumber:
		typeName = "number"
	default:
		return fmt.Errorf("unknown parameter type %q", p.Type)
	}
	validations, err := parameterValidations(p)
	if err != nil {
		return err
	}

	body := w.block("", "variable", p.Name)
	body.SetAttributeRaw("type", hclwrite.TokensForIdentifier(typeName))
	if p.Description != "" {
		body.SetAttributeValue("description", cty.StringVal(p.Description))
	}
	if p.Default != nil {
		value, err := parameterDefault(p)
		if err != nil {
			return err
		}
		body.SetAttributeValue("default", value)
	}
	for _, v := range validations {
		appendValidation(body, v)
	}
	return nil
}

// parameterDefault converts a default to cty after checking that it has the
// parameter's type and meets its constraints: a default Terraform would
// reject at plan time is a bug in the blueprint, better reported now.
func parameterDefault(p *graph.Parameter) (cty.Value, error) {
	switch d := p.Default.(type) {
	case graph.String:
		if p.Type != graph.ParamString {
			return cty.NilVal, fmt.Errorf("default %q is a string, but the parameter is a %s", string(d), p.Type)
		}
		if err := checkString(p, string(d)); err != nil {
			return cty.NilVal, fmt.Errorf("default %q: %w", string(d), err)
		}
		return cty.StringVal(string(d)), nil
	case graph.Int:
		if p.Type != graph.ParamNumber {
			return cty.NilVal, fmt.Errorf("default %d is a number, but the parameter is a %s", int64(d), p.Type)
		}
		if len(p.AllowedValues) > 0 && !containsString(p.AllowedValues, strconv.FormatInt(int64(d), 10)) {
			return cty.NilVal, fmt.Errorf("default %d is not one of the allowed values", int64(d))
		}
		return cty.NumberIntVal(int64(d)), nil
	default:
		return cty.NilVal, fmt.Errorf("default of type %T: only String and Int defaults are supported", p.Default)
	}
}

// checkString applies a string parameter's constraints the way Terraform
// will. Go's regexp is RE2, the engine behind Terraform's regex function.
func checkString(p *graph.Parameter, s string) error {
	if len(p.AllowedValues) > 0 && !containsString(p.AllowedValues, s) {
		return errors.New("not one of the allowed values")
	}
	if p.Pattern != "" && !regexp.MustCompile(p.Pattern).MatchString(s) {
		return fmt.Errorf("does not match pattern %q", p.Pattern)
	}
	// Terraform's length counts characters, not bytes.
	n := utf8.RuneCountInString(s)
	if p.MinLength > 0 && n < p.MinLength || p.MaxLength > 0 && n > p.MaxLength {
		return errors.New("length out of bounds")
	}
	return nil
}

func containsString(values []string, s string) bool {
	for _, v := range values {
		if v == s {
			return true
		}
	}
	return false
}

// validation is one validation block.
type validation struct {
	condition hclwrite.Tokens
	message   string
}

// parameterValidations turns a parameter's constraints into validation
// blocks, one per constraint so that each failure has its own message.
//
// ConstraintHelp says in words what the parameter requires, and the model
// has one per parameter, so it becomes the message of the constraint it most
// likely describes: the pattern, else the length bounds, else the allowed
// values. The other blocks get messages that state their constraint, which
// is clearer than repeating a help text about something else.
func parameterValidations(p *graph.Parameter) ([]validation, error) {
	if p.Type == graph.ParamNumber && (p.Pattern != "" || p.MinLength != 0 || p.MaxLength != 0) {
		return nil, errors.New("pattern and length bounds apply to string parameters only")
	}
	hasBounds := p.MinLength != 0 || p.MaxLength != 0
	helpFor := func(primary bool, fallback string) string {
		if primary && p.ConstraintHelp != "" {
			return p.ConstraintHelp
		}
		return fallback
	}
	var validations []validation

	if len(p.AllowedValues) > 0 {
		values := make([]hclwrite.Tokens, len(p.AllowedValues))
		for i, v := range p.AllowedValues {
			if p.Type == graph.ParamNumber {
				n, err := strconv.ParseInt(v, 10, 64)
				if err != nil {
					return nil, fmt.Errorf("allowed value %q is not a decimal integer", v)
				}
				values[i] = hclwrite.TokensForValue(cty.NumberIntVal(n))
				continue
			}
			values[i] = hclwrite.TokensForValue(cty.StringVal(v))
		}
		message := helpFor(p.Pattern == "" && !hasBounds,
			fmt.Sprintf("The %s must be one of: %s.", p.Name, strings.Join(p.AllowedValues, ", ")))
		validations = append(validations, validation{
			condition: hclwrite.TokensForFunctionCall("contains",
				hclwrite.TokensForTuple(values), hclwrite.TokensForTraversal(variable(p.Name))),
			message: message,
		})
	}

	if p.Pattern != "" {
		if _, err := regexp.Compile(p.Pattern); err != nil {
			return nil, fmt.Errorf("pattern %q: %w", p.Pattern, err)
		}
		validations = append(validations, validation{
			condition: canMatch(p.Pattern, p.Name),
			message:   helpFor(true, fmt.Sprintf("The %s must match the regular expression %s.", p.Name, p.Pattern)),
		})
	}

	if p.MinLength < 0 || p.MaxLength < 0 || (p.MaxLength > 0 && p.MinLength > p.MaxLength) {
		return nil, fmt.Errorf("length bounds %d..%d are not a range", p.MinLength, p.MaxLength)
	}
	if hasBounds {
		validations = append(validations, lengthValidation(p, func(fallback string) string {
			return helpFor(p.Pattern == "", fallback)
		}))
	}
	return validations, nil
}

// lengthValidation checks length(var.x) against the bounds that are set,
// joined with && when both are.
func lengthValidation(p *graph.Parameter, help func(string) string) validation {
	length := func() hclwrite.Tokens {
		return hclwrite.TokensForFunctionCall("length", hclwrite.TokensForTraversal(variable(p.Name)))
	}
	compare := func(operator hclsyntax.TokenType, symbol string, bound int) hclwrite.Tokens {
		tokens := length()
		tokens = append(tokens, &hclwrite.Token{Type: operator, Bytes: []byte(symbol)})
		return append(tokens, hclwrite.TokensForValue(cty.NumberIntVal(int64(bound)))...)
	}
	switch {
	case p.MinLength > 0 && p.MaxLength > 0:
		condition := compare(hclsyntax.TokenGreaterThanEq, ">=", p.MinLength)
		condition = append(condition, &hclwrite.Token{Type: hclsyntax.TokenAnd, Bytes: []byte("&&")})
		condition = append(condition, compare(hclsyntax.TokenLessThanEq, "<=", p.MaxLength)...)
		return validation{
			condition: condition,
			message:   help(fmt.Sprintf("The %s must be %d to %d characters long.", p.Name, p.MinLength, p.MaxLength)),
		}
	case p.MinLength > 0:
		return validation{
			condition: compare(hclsyntax.TokenGreaterThanEq, ">=", p.MinLength),
			message:   help(fmt.Sprintf("The %s must be at least %d characters long.", p.Name, p.MinLength)),
		}
	default:
		return validation{
			condition: compare(hclsyntax.TokenLessThanEq, "<=", p.MaxLength),
			message:   help(fmt.Sprintf("The %s must be at most %d characters long.", p.Name, p.MaxLength)),
		}
	}
}

// canMatch is can(regex("pattern", var.name)): regex fails rather than
// returning false when there is no match, and can turns that into false.
func canMatch(pattern, name string) hclwrite.Tokens {
	return hclwrite.TokensForFunctionCall("can", hclwrite.TokensForFunctionCall("regex",
		hclwrite.TokensForValue(cty.StringVal(pattern)), hclwrite.TokensForTraversal(variable(name))))
}

// appendValidation writes a validation block after a blank line.
func appendValidation(body *hclwrite.Body, v validation) {
	body.AppendNewline()
	block := body.AppendNewBlock("validation", nil).Body()
	block.SetAttributeRaw("condition", v.condition)
	block.SetAttributeValue("error_message", cty.StringVal(sentence(v.message)))
}

// sentence makes text acceptable as an error_message, which Terraform wants
// as full sentences: starting with an uppercase letter and ending with a
// period or question mark.
func sentence(text string) string {
	text = strings.TrimSpace(text)
	if text == "" {
		return "Invalid value."
	}
	first, size := utf8.DecodeRuneInString(text)
	text = string(unicode.ToUpper(first)) + text[size:]
	if !strings.HasSuffix(text, ".") && !strings.HasSuffix(text, "?") {
		text += "."
	}
	return text
}
