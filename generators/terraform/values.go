package terraform

import (
	"bytes"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/hashicorp/hcl/v2/hclwrite"
	"github.com/zclconf/go-cty/cty"

	"github.com/scaffold-iac/scaffold/generators/graph"
)

// setAttribute writes one argument into a body at the given nesting depth
// (1 for a resource or output body). Literals go through SetAttributeValue
// so that hclwrite does the quoting and escaping; everything else is built
// as an expression.
//
// Base64 of a multi-line literal, which is what user data scripts are, is
// the one value written differently here: as base64encode(<<-EOT ...), so
// the script reads as a script. Only a direct argument gets a heredoc,
// because only here is its indentation known; deeper down, the quoted
// string the expression renders is just as correct.
func (r *renderer) setAttribute(body *hclwrite.Body, depth int, name string, v graph.Value) error {
	if literal, ok := literalValue(v); ok {
		body.SetAttributeValue(name, literal)
		return nil
	}
	if encoded, ok := v.(graph.Base64); ok {
		if text, ok := encoded.Value.(graph.String); ok {
			if doc, ok := heredoc(string(text), depth); ok {
				body.SetAttributeRaw(name, callTokens("base64encode", doc))
				return nil
			}
		}
	}
	tokens, err := r.expression(v)
	if err != nil {
		return err
	}
	body.SetAttributeRaw(name, tokens)
	return nil
}

// literalValue converts the scalar literals to cty.
func literalValue(v graph.Value) (cty.Value, bool) {
	switch v := v.(type) {
	case graph.String:
		return cty.StringVal(string(v)), true
	case graph.Int:
		return cty.NumberIntVal(int64(v)), true
	case graph.Bool:
		return cty.BoolVal(bool(v)), true
	}
	return cty.NilVal, false
}

// expression renders any value as HCL expression tokens. The switch covers
// the model's whole vocabulary; anything else is an error rather than a
// guess, because a silently wrong argument is worse than no module.
func (r *renderer) expression(v graph.Value) (hclwrite.Tokens, error) {
	if literal, ok := literalValue(v); ok {
		return hclwrite.TokensForValue(literal), nil
	}
	switch v := v.(type) {
	case nil:
		return nil, errors.New("missing value")
	case graph.List:
		elements := make([]hclwrite.Tokens, len(v))
		for i, item := range v {
			tokens, err := r.expression(item)
			if err != nil {
				return nil, fmt.Errorf("list item %d: %w", i, err)
			}
			elements[i] = tokens
		}
		return tuple(elements), nil
	case graph.Object:
		return r.object(v)
	case graph.Struct:
		// Where the schema has a block, writeArguments renders the Struct
		// as one; everywhere else its arguments form an object.
		return r.structObject(v)
	case graph.Base64:
		inner, err := r.expression(v.Value)
		if err != nil {
			return nil, fmt.Errorf("base64: %w", err)
		}
		return callTokens("base64encode", inner), nil
	case graph.Document:
		// jsonencode keeps the document as HCL, so references inside it
		// stay references and Terraform checks them, where a heredoc of JSON
		// would hide them in a string.
		object, err := r.object(graph.Object(v))
		if err != nil {
			return nil, err
		}
		return callTokens("jsonencode", object), nil
	case graph.Ref:
		traversal, err := r.reference(v)
		if err != nil {
			return nil, err
		}
		return hclwrite.TokensForTraversal(traversal), nil
	case graph.ParamRef:
		if r.graph.Parameter(v.Name) == nil {
			return nil, fmt.Errorf("reference to unknown parameter %q", v.Name)
		}
		return hclwrite.TokensForTraversal(variable(v.Name)), nil
	case graph.AZ:
		if v.Index < 0 {
			return nil, fmt.Errorf("availability zone index %d is negative", v.Index)
		}
		return hclwrite.TokensForTraversal(availabilityZone(v.Index)), nil
	case graph.Pseudo:
		p, ok := pseudoValue(v)
		if !ok {
			return nil, fmt.Errorf("unknown pseudo value %q", v)
		}
		return hclwrite.TokensForTraversal(p.traversal()), nil
	case graph.Join:
		return r.join(v)
	case graph.CIDRSubnet:
		return r.cidrSubnet(v)
	case graph.GeneratedSecret:
		return r.generatedSecret(v)
	case graph.SecretValue:
		return r.secretValue(v)
	default:
		return nil, fmt.Errorf("unsupported value type %T", v)
	}
}

// cidrSubnet renders cidrsubnet(block, newbits, netnum). BlockBits is
// not needed: Terraform reads the block's prefix length from the value at
// plan time.
func (r *renderer) cidrSubnet(v graph.CIDRSubnet) (hclwrite.Tokens, error) {
	if err := v.Check(); err != nil {
		return nil, err
	}
	block, err := r.expression(v.Block)
	if err != nil {
		return nil, fmt.Errorf("cidr subnet block: %w", err)
	}
	return callTokens("cidrsubnet", block,
		hclwrite.TokensForValue(cty.NumberIntVal(int64(v.NewBits))),
		hclwrite.TokensForValue(cty.NumberIntVal(int64(v.NetNum)))), nil
}

// tupleWidth is the longest tuple kept on one line. Longer ones get one
// element per line with a trailing comma, as people write long lists, so
// that adding an element later is a one-line diff.
const tupleWidth = 72

// tuple renders a tuple constructor on one line or, when that line would be
// long, one element per line. Elements that already span lines (objects)
// keep hclwrite's compact [{ ... }, { ... }] layout, which is how policy
// statements are usually written.
func tuple(elements []hclwrite.Tokens) hclwrite.Tokens {
	single := tupleTokens(elements)
	if len(elements) < 2 || singleLineWidth(elements) <= tupleWidth {
		return single
	}
	for _, e := range elements {
		if bytes.ContainsRune(e.Bytes(), '\n') {
			return single
		}
	}
	newline := func() *hclwrite.Token { return &hclwrite.Token{Type: hclsyntax.TokenNewline, Bytes: []byte("\n")} }
	tokens := hclwrite.Tokens{{Type: hclsyntax.TokenOBrack, Bytes: []byte("[")}, newline()}
	for _, e := range elements {
		tokens = append(tokens, e...)
		tokens = append(tokens, &hclwrite.Token{Type: hclsyntax.TokenComma, Bytes: []byte(",")}, newline())
	}
	return append(tokens, &hclwrite.Token{Type: hclsyntax.TokenCBrack, Bytes: []byte("]")})
}

// object renders an object constructor with the keys in the model's order
// and spelling. Keys that are not identifiers (tag keys such as "aws:x",
// condition keys, names with dashes) are quoted, as are true, false and null,
// which HCL would otherwise read as literals.
func (r *renderer) object(o graph.Object) (hclwrite.Tokens, error) {
	attributes := make([]hclwrite.ObjectAttrTokens, 0, len(o))
	seen := make(map[string]bool, len(o))
	for _, field := range o {
		if seen[field.Key] {
			return nil, fmt.Errorf("duplicate key %q", field.Key)
		}
		seen[field.Key] = true
		value, err := r.expression(field.Value)
		if err != nil {
			return nil, fmt.Errorf("key %q: %w", field.Key, err)
		}
		attributes = append(attributes, hclwrite.ObjectAttrTokens{Name: objectKey(field.Key), Value: value})
	}
	return objectTokens(attributes), nil
}

// structObject renders a Struct that is an object argument rather than a
// block. Its keys are argument names, so they are written bare, never
// quoted.
func (r *renderer) structObject(s graph.Struct) (hclwrite.Tokens, error) {
	args, err := structArguments(s)
	if err != nil {
		return nil, err
	}
	attributes := make([]hclwrite.ObjectAttrTokens, len(args))
	for i, a := range args {
		value, err := r.expression(a.value)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", a.context, err)
		}
		attributes[i] = hclwrite.ObjectAttrTokens{Name: hclwrite.TokensForIdentifier(a.name), Value: value}
	}
	return objectTokens(attributes), nil
}

// The three builders below make the same tokens as hclwrite's
// TokensForObject, TokensForTuple and TokensForFunctionCall, minus the
// formatting pass those run on every call. Values nest (a policy is objects
// in tuples in objects), so formatting at each level re-formats the inner
// levels again: on a fan-out with twenty queues that was most of the
// Terraform generator's time. The file is formatted once, as a whole, when
// it is written (fileWriter.bytes), which gives identical output.

func token(t hclsyntax.TokenType, text string) *hclwrite.Token {
	return &hclwrite.Token{Type: t, Bytes: []byte(text)}
}

func objectTokens(attributes []hclwrite.ObjectAttrTokens) hclwrite.Tokens {
	tokens := hclwrite.Tokens{token(hclsyntax.TokenOBrace, "{")}
	if len(attributes) > 0 {
		tokens = append(tokens, token(hclsyntax.TokenNewline, "\n"))
	}
	for _, a := range attributes {
		tokens = append(tokens, a.Name...)
		tokens = append(tokens, token(hclsyntax.TokenEqual, "="))
		tokens = append(tokens, a.Value...)
		tokens = append(tokens, token(hclsyntax.TokenNewline, "\n"))
	}
	return append(tokens, token(hclsyntax.TokenCBrace, "}"))
}

func tupleTokens(elements []hclwrite.Tokens) hclwrite.Tokens {
	tokens := hclwrite.Tokens{token(hclsyntax.TokenOBrack, "[")}
	for i, e := range elements {
		if i > 0 {
			tokens = append(tokens, token(hclsyntax.TokenComma, ","))
		}
		tokens = append(tokens, e...)
	}
	return append(tokens, token(hclsyntax.TokenCBrack, "]"))
}

func callTokens(name string, arguments ...hclwrite.Tokens) hclwrite.Tokens {
	tokens := hclwrite.Tokens{token(hclsyntax.TokenIdent, name), token(hclsyntax.TokenOParen, "(")}
	for i, a := range arguments {
		if i > 0 {
			tokens = append(tokens, token(hclsyntax.TokenComma, ","))
		}
		tokens = append(tokens, a...)
	}
	return append(tokens, token(hclsyntax.TokenCParen, ")"))
}

// singleLineWidth is how wide the formatter will print a tuple of these
// elements on one line: the elements, ", " between them and the brackets.
// Elements here are literals and references, which have no inner spaces.
func singleLineWidth(elements []hclwrite.Tokens) int {
	width := 2 + 2*(len(elements)-1)
	for _, e := range elements {
		for _, t := range e {
			width += len(t.Bytes)
		}
	}
	return width
}

// objectKey renders a key bare only when it is a plain identifier. HCL
// would read cost-center back unchanged too, but quoting anything with a
// dash or colon is what readers expect of data keys.
func objectKey(key string) hclwrite.Tokens {
	if plainIdentifier(key) {
		return hclwrite.TokensForIdentifier(key)
	}
	return hclwrite.TokensForValue(cty.StringVal(key))
}

// plainIdentifier reports whether s is letters, digits and underscores, not
// starting with a digit, and not one of the literals HCL reserves.
func plainIdentifier(s string) bool {
	if s == "" || reserved[s] {
		return false
	}
	for i, c := range s {
		letter := c == '_' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z'
		if !letter && (i == 0 || c < '0' || c > '9') {
			return false
		}
	}
	return true
}

// reference resolves a Ref to the resource attribute that holds it.
func (r *renderer) reference(ref graph.Ref) (hcl.Traversal, error) {
	target, ok := r.resources[ref.Component]
	if !ok {
		return nil, fmt.Errorf("reference to unknown component %q", ref.Component)
	}
	attribute, ok := target.mapping.Attribute(ref.Attr)
	if !ok {
		return nil, fmt.Errorf("reference to %q: kind %q has no attribute %q in Terraform (it has %s)",
			ref.Component, target.mapping.Kind, ref.Attr, attributeNames(target.mapping))
	}
	return append(target.address(), attributePath(attribute)...), nil
}

// attributePath turns an attribute mapping's dotted path into traversal
// steps: names become attribute steps and numbers index steps, so that
// "master_user_secret.0.secret_arn" reads master_user_secret[0].secret_arn.
func attributePath(path string) hcl.Traversal {
	var steps hcl.Traversal
	for _, name := range strings.Split(path, ".") {
		if index, err := strconv.ParseInt(name, 10, 64); err == nil {
			steps = append(steps, hcl.TraverseIndex{Key: cty.NumberIntVal(index)})
			continue
		}
		steps = append(steps, hcl.TraverseAttr{Name: name})
	}
	return steps
}

// attributeNames lists a kind's neutral attributes for error messages, in
// the table's fixed order. Policies and the like expose none.
func attributeNames(m *TypeMapping) string {
	if len(m.Attributes) == 0 {
		return "none"
	}
	names := make([]string, len(m.Attributes))
	for i, a := range m.Attributes {
		names[i] = string(a.Attr)
	}
	return quoteAll(names)
}

// join renders a Join as a template string: "${var.name}-public-a".
//
// hclwrite escapes "${" in literal strings, which is right for literals and
// wrong for interpolation, so the template is assembled from tokens: literal
// runs are escaped by hclwrite itself, and each other part becomes a
// ${ expression } sequence.
func (r *renderer) join(j graph.Join) (hclwrite.Tokens, error) {
	parts, err := r.templateParts(j)
	if err != nil {
		return nil, err
	}
	switch {
	case len(parts) == 0:
		return hclwrite.TokensForValue(cty.StringVal("")), nil
	case len(parts) == 1 && parts[0].expression == nil:
		return hclwrite.TokensForValue(cty.StringVal(parts[0].literal)), nil
	case len(parts) == 1:
		// "${x}" alone is an interpolation-only expression, which
		// Terraform deprecated in favour of the bare x.
		return parts[0].expression, nil
	}

	tokens := hclwrite.Tokens{{Type: hclsyntax.TokenOQuote, Bytes: []byte(`"`)}}
	for i, part := range parts {
		if part.expression != nil {
			tokens = appendInterpolation(tokens, part.expression)
			continue
		}
		// A "$" right before an interpolation would merge with its "${"
		// into the escape "$${", and doubling it does not help ("$$${"
		// reads as "$${" too). So the trailing dollars, all of them, are
		// written as an interpolated string: "cost${"$"}${var.x}" is the
		// only spelling HCL reads back correctly. "%" needs no such care,
		// because "%${" is not a directive.
		literal, dollars := part.literal, ""
		if i+1 < len(parts) {
			literal = strings.TrimRight(part.literal, "$")
			dollars = part.literal[len(literal):]
		}
		tokens = appendLiteral(tokens, literal)
		if dollars != "" {
			tokens = appendInterpolation(tokens, hclwrite.TokensForValue(cty.StringVal(dollars)))
		}
	}
	return append(tokens, &hclwrite.Token{Type: hclsyntax.TokenCQuote, Bytes: []byte(`"`)}), nil
}

// templatePart is a run of literal text or one interpolated expression.
type templatePart struct {
	literal    string
	expression hclwrite.Tokens
}

// templateParts flattens nested Joins and merges adjacent literals.
// Merging matters for correctness, not just looks: escaping "$" and "{" in
// separate parts would miss the "${" they form together.
func (r *renderer) templateParts(j graph.Join) ([]templatePart, error) {
	var parts []templatePart
	addLiteral := func(s string) {
		if s == "" {
			return
		}
		if n := len(parts); n > 0 && parts[n-1].expression == nil {
			parts[n-1].literal += s
			return
		}
		parts = append(parts, templatePart{literal: s})
	}
	for i, v := range j {
		switch v := v.(type) {
		case graph.String:
			addLiteral(string(v))
		case graph.Int:
			addLiteral(strconv.FormatInt(int64(v), 10))
		case graph.Bool:
			addLiteral(strconv.FormatBool(bool(v)))
		case graph.Join:
			nested, err := r.templateParts(v)
			if err != nil {
				return nil, fmt.Errorf("join part %d: %w", i, err)
			}
			for _, p := range nested {
				if p.expression == nil {
					addLiteral(p.literal)
				} else {
					parts = append(parts, p)
				}
			}
		case graph.List, graph.Object, graph.Document, graph.Struct:
			return nil, fmt.Errorf("join part %d: a %T cannot be part of a string", i, v)
		default:
			expression, err := r.expression(v)
			if err != nil {
				return nil, fmt.Errorf("join part %d: %w", i, err)
			}
			parts = append(parts, templatePart{expression: expression})
		}
	}
	return parts, nil
}

// appendLiteral appends literal template text, escaped by hclwrite: the
// token between the quotes of a quoted string is exactly the escaped text.
func appendLiteral(tokens hclwrite.Tokens, s string) hclwrite.Tokens {
	for _, t := range hclwrite.TokensForValue(cty.StringVal(s)) {
		if t.Type == hclsyntax.TokenQuotedLit {
			tokens = append(tokens, t)
		}
	}
	return tokens
}

// appendInterpolation appends ${ expression }.
func appendInterpolation(tokens, expression hclwrite.Tokens) hclwrite.Tokens {
	tokens = append(tokens, &hclwrite.Token{Type: hclsyntax.TokenTemplateInterp, Bytes: []byte("${")})
	tokens = append(tokens, expression...)
	return append(tokens, &hclwrite.Token{Type: hclsyntax.TokenTemplateSeqEnd, Bytes: []byte("}")})
}

// address is the resource's own reference, aws_vpc.main, which depends_on
// uses and attribute references extend.
func (res resource) address() hcl.Traversal {
	return hcl.Traversal{
		hcl.TraverseRoot{Name: res.mapping.Type},
		hcl.TraverseAttr{Name: res.name},
	}
}

// variable is var.<name>.
func variable(name string) hcl.Traversal {
	return hcl.Traversal{hcl.TraverseRoot{Name: "var"}, hcl.TraverseAttr{Name: name}}
}

// generatedSecret renders a secret's JSON text: jsonencode() of its fixed
// fields and, under its key, the password of its random password data
// source.
func (r *renderer) generatedSecret(v graph.GeneratedSecret) (hclwrite.Tokens, error) {
	if !validName(v.Name) {
		return nil, fmt.Errorf("generated secret: %q is not a valid data source name", v.Name)
	}
	password := hclwrite.TokensForTraversal(randomPassword(v.Name))
	items := make([]hclwrite.ObjectAttrTokens, 0, len(v.Fields)+1)
	for _, f := range v.Fields {
		value, err := r.expression(f.Value)
		if err != nil {
			return nil, fmt.Errorf("key %q: %w", f.Key, err)
		}
		items = append(items, hclwrite.ObjectAttrTokens{Name: hclwrite.TokensForIdentifier(f.Key), Value: value})
	}
	items = append(items, hclwrite.ObjectAttrTokens{Name: hclwrite.TokensForIdentifier(v.Key), Value: password})
	return callTokens("jsonencode", hclwrite.TokensForObject(items)), nil
}

// secretValue renders one key of a secret's value as the secret_version
// that sets it holds it: a fixed field's value, or the generated password.
func (r *renderer) secretValue(v graph.SecretValue) (hclwrite.Tokens, error) {
	generated, err := secretContent(r.graph, v.Secret)
	if err != nil {
		return nil, err
	}
	if v.Key == generated.Key {
		return hclwrite.TokensForTraversal(randomPassword(generated.Name)), nil
	}
	for _, f := range generated.Fields {
		if f.Key == v.Key {
			return r.expression(f.Value)
		}
	}
	return nil, fmt.Errorf("secret %q has no key %q", v.Secret, v.Key)
}

// secretContent finds the generated value of a secret: the secret_string
// of the secret_version that references it.
func secretContent(g *graph.Graph, secret string) (graph.GeneratedSecret, error) {
	for _, c := range g.Components {
		if c.Kind != graph.KindSecretVersion {
			continue
		}
		if ref, ok := c.Property("secret_id").(graph.Ref); !ok || ref.Component != secret {
			continue
		}
		if generated, ok := c.Property("secret_string").(graph.GeneratedSecret); ok {
			return generated, nil
		}
	}
	return graph.GeneratedSecret{}, fmt.Errorf("secret %q has no secret_version with a generated secret_string", secret)
}
