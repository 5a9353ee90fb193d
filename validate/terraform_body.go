package validate

import (
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/convert"

	"github.com/scaffold-iac/scaffold/schemas"
)

// bodyKind says which meta-arguments a body accepts besides its schema.
type bodyKind int

const (
	nestedBody   bodyKind = iota // a nested block: schema and dynamic blocks only
	resourceBody                 // count, for_each, depends_on, provider, lifecycle, provisioners
	dataBody                     // count, for_each, depends_on, provider, lifecycle
	providerBody                 // alias, version
)

// checkBody checks a block's body against its schema. schema may be nil
// (an unknown type): then only references are checked. path names the body
// in messages ("aws_launch_template.app.metadata_options"). owner is the
// resource the body belongs to, for lifecycle.ignore_changes.
func (c *tfChecker) checkBody(scope *tfScope, path string, block *hclsyntax.Block, schema *schemas.Block, kind bodyKind, owner *tfResource) {
	body := block.Body
	for _, name := range sortedKeys(body.Attributes) {
		attr := body.Attributes[name]
		if c.checkMetaArgument(scope, path, attr, kind) {
			continue
		}
		c.checkRefs(scope, attr.Expr)
		if schema == nil {
			continue
		}
		attrSchema, ok := schema.Attributes[name]
		switch {
		case !ok && schema.BlockTypes[name] != nil:
			c.addf(attr.NameRange, "%s: %q is a block, not an argument; write %s { ... }", path, name, name)
		case !ok:
			c.addf(attr.NameRange, "%s: unknown argument %q%s", path, name, didYouMean(name, blockNames(schema)))
		case attrSchema.ReadOnly():
			c.addf(attr.NameRange, "%s: %q is read-only: the provider computes it and a configuration cannot set it", path, name)
		default:
			c.checkLiteral(path, name, attr.Expr, attrSchema.Type)
		}
	}

	counts := make(map[string]int)
	dynamic := make(map[string]bool)
	for _, child := range body.Blocks {
		if c.checkMetaBlock(scope, path, child, kind, owner) {
			continue
		}
		if child.Type == "dynamic" {
			if label, ok := c.checkDynamic(scope, path, child, schema); ok {
				dynamic[label] = true
			}
			continue
		}
		nested, known := nestedSchema(schema, child.Type)
		if schema != nil && !known {
			if _, isAttr := schema.Attributes[child.Type]; isAttr {
				c.addf(child.TypeRange, "%s: %q is an argument, not a block; write %s = ...", path, child.Type, child.Type)
			} else {
				c.addf(child.TypeRange, "%s: unknown block %q%s", path, child.Type, didYouMean(child.Type, blockNames(schema)))
			}
		}
		if len(child.Labels) > 0 {
			c.addf(child.LabelRanges[0], "%s: block %q takes no labels", path, child.Type)
		}
		counts[child.Type]++
		if counts[child.Type] == 2 && nested != nil && (nested.MaxItems == 1 || nested.NestingMode == schemas.NestingSingle) {
			c.addf(child.TypeRange, "%s: block %q may appear only once", path, child.Type)
		}
		var nestedBlock *schemas.Block
		if nested != nil {
			nestedBlock = &nested.Block
		}
		c.checkBody(scope, path+"."+child.Type, child, nestedBlock, nestedBody, nil)
	}

	if schema == nil {
		return
	}
	for _, name := range sortedKeys(schema.Attributes) {
		// An argument written in block syntax (see nestedSchema) is set too.
		_, set := body.Attributes[name]
		if !set && counts[name] == 0 && !dynamic[name] && schema.Attributes[name].Required {
			c.addf(block.DefRange(), "%s: required argument %q is missing", path, name)
		}
	}
	for _, name := range sortedKeys(schema.BlockTypes) {
		if schema.BlockTypes[name].MinItems > 0 && counts[name] == 0 && !dynamic[name] {
			c.addf(block.DefRange(), "%s: required block %q is missing", path, name)
		}
	}
}

// blockNames lists a schema's argument and block names, for suggestions.
func blockNames(schema *schemas.Block) []string {
	names := sortedKeys(schema.Attributes)
	return append(names, sortedKeys(schema.BlockTypes)...)
}

// nestedSchema returns the schema of a nested block type. Besides real
// block types, Terraform accepts block syntax for arguments whose type is a
// list or set of objects (aws_security_group's ingress, aws_route_table's
// route); such a block gets a synthesized schema in which every attribute is
// optional, as Terraform's own attributes-as-blocks mode does.
func nestedSchema(schema *schemas.Block, name string) (*schemas.NestedBlock, bool) {
	if schema == nil {
		return nil, false
	}
	if nested, ok := schema.BlockTypes[name]; ok {
		return nested, true
	}
	attr, ok := schema.Attributes[name]
	if !ok || attr.ReadOnly() {
		return nil, false
	}
	if !(attr.Type.IsListType() || attr.Type.IsSetType()) || !attr.Type.ElementType().IsObjectType() {
		return nil, false
	}
	nested := &schemas.NestedBlock{NestingMode: schemas.NestingList, Block: schemas.Block{Attributes: make(map[string]*schemas.Attribute)}}
	for attrName, attrType := range attr.Type.ElementType().AttributeTypes() {
		nested.Block.Attributes[attrName] = &schemas.Attribute{Type: attrType, Optional: true}
	}
	return nested, true
}

// checkDynamic checks a dynamic block and returns the block type it
// generates.
func (c *tfChecker) checkDynamic(scope *tfScope, path string, block *hclsyntax.Block, schema *schemas.Block) (string, bool) {
	if len(block.Labels) != 1 {
		c.addf(block.DefRange(), "%s: dynamic block needs one label: the block type it generates", path)
		return "", false
	}
	label := block.Labels[0]
	nested, known := nestedSchema(schema, label)
	if schema != nil && !known {
		c.addf(block.LabelRanges[0], "%s: dynamic block generates unknown block %q%s", path, label, didYouMean(label, blockNames(schema)))
	}
	iterator := label
	body := block.Body
	for _, name := range sortedKeys(body.Attributes) {
		attr := body.Attributes[name]
		switch name {
		case "for_each":
			c.checkRefs(scope, attr.Expr)
		case "iterator":
			if word := hcl.ExprAsKeyword(attr.Expr); word != "" {
				iterator = word
			} else {
				c.addf(attr.Expr.Range(), "%s: dynamic %q: iterator must be a bare name", path, label)
			}
		case "labels":
			c.checkRefs(scope, attr.Expr)
		default:
			c.addf(attr.NameRange, "%s: dynamic %q: unknown argument %q", path, label, name)
		}
	}
	if _, ok := body.Attributes["for_each"]; !ok {
		c.addf(block.DefRange(), "%s: dynamic %q: required argument \"for_each\" is missing", path, label)
	}
	contents := 0
	for _, content := range body.Blocks {
		if content.Type != "content" {
			c.addf(content.TypeRange, "%s: dynamic %q: unexpected block %q; only content is allowed", path, label, content.Type)
			continue
		}
		contents++
		var contentSchema *schemas.Block
		if nested != nil {
			contentSchema = &nested.Block
		}
		c.checkBody(scope.with(iterator), path+"."+label, content, contentSchema, nestedBody, nil)
	}
	if contents != 1 {
		c.addf(block.DefRange(), "%s: dynamic %q needs exactly one content block", path, label)
	}
	return label, true
}

// checkMetaArgument handles an argument that Terraform itself interprets
// rather than the provider. It reports whether attr was one.
func (c *tfChecker) checkMetaArgument(scope *tfScope, path string, attr *hclsyntax.Attribute, kind bodyKind) bool {
	switch kind {
	case resourceBody, dataBody:
		switch attr.Name {
		case "count", "for_each":
			// The repetition expressions cannot use count.index or each.
			c.checkRepetition(&tfScope{module: scope.module, subject: scope.subject}, attr.Name, attr)
		case "depends_on":
			c.checkDependsOn(scope, attr)
		case "provider":
			c.checkProviderRef(scope, attr.Expr)
		default:
			return false
		}
		return true
	case providerBody:
		switch attr.Name {
		case "alias", "version":
			c.checkLiteral(path, attr.Name, attr.Expr, cty.String)
			return true
		}
	}
	return false
}

// checkMetaBlock handles a block that Terraform itself interprets. It
// reports whether block was one.
func (c *tfChecker) checkMetaBlock(scope *tfScope, path string, block *hclsyntax.Block, kind bodyKind, owner *tfResource) bool {
	if kind != resourceBody && kind != dataBody {
		return false
	}
	switch block.Type {
	case "lifecycle":
		c.checkLifecycle(scope, path, block, owner)
		return true
	case "provisioner", "connection":
		if kind == dataBody {
			return false
		}
		// Provisioner and connection arguments belong to the provisioner
		// plugins, which have no schema here: only references are checked.
		selfScope := scope.withSelf()
		c.checkBody(selfScope, path+"."+block.Type, block, nil, nestedBody, nil)
		return true
	}
	return false
}

// checkRepetition checks count and for_each: references, and the literal
// values Terraform rejects (a for_each over a list, a count that is not a
// number).
func (c *tfChecker) checkRepetition(scope *tfScope, name string, attr *hclsyntax.Attribute) {
	c.checkRefs(scope, attr.Expr)
	if name == "count" {
		c.checkLiteral(scope.subject, "count", attr.Expr, cty.Number)
		return
	}
	if typ := literalValue(attr.Expr).Type(); typ.IsTupleType() || typ.IsListType() || typ == cty.String || typ == cty.Number || typ == cty.Bool {
		c.addf(attr.Expr.Range(), "%s: for_each must be a map or a set of strings, not a %s; wrap a list in toset()", scope.subject, typ.FriendlyName())
	}
}

// checkDependsOn checks that depends_on lists whole resources, data sources
// or modules that the module declares.
func (c *tfChecker) checkDependsOn(scope *tfScope, attr *hclsyntax.Attribute) {
	tuple, ok := attr.Expr.(*hclsyntax.TupleConsExpr)
	if !ok {
		c.addf(attr.Expr.Range(), "%s: depends_on must be a list of references, such as [aws_internet_gateway.main]", scope.subject)
		return
	}
	m := scope.module
	for _, elem := range tuple.Exprs {
		trav, diags := hcl.AbsTraversalForExpr(elem)
		if diags.HasErrors() {
			c.addf(elem.Range(), "%s: depends_on entries must be references such as aws_vpc.main, not strings or expressions", scope.subject)
			continue
		}
		text := traversalString(trav)
		var exists bool
		var wantLen int
		switch trav.RootName() {
		case "data":
			wantLen = 3
			exists = len(trav) >= 3 && m.data[attrName(trav, 1)+"."+attrName(trav, 2)] != nil
		case "module":
			wantLen = 2
			exists = len(trav) >= 2 && m.calls[attrName(trav, 1)] != nil
		case "var", "local", "each", "count", "path", "terraform", "self":
			c.addf(elem.Range(), "%s: depends_on lists resources, data sources and modules; %s is none of these", scope.subject, text)
			continue
		default:
			wantLen = 2
			exists = len(trav) >= 2 && m.resources[trav.RootName()+"."+attrName(trav, 1)] != nil
		}
		switch {
		case !exists:
			c.addf(elem.Range(), "%s: depends_on refers to %s, which is not declared", scope.subject, text)
		case len(trav) > wantLen:
			c.addf(elem.Range(), "%s: depends_on must name a whole resource, data source or module, not %s", scope.subject, text)
		}
	}
}

// lifecycleArguments are the arguments lifecycle accepts, by block kind.
var lifecycleArguments = map[bodyKind]map[string]bool{
	resourceBody: {"create_before_destroy": true, "prevent_destroy": true, "ignore_changes": true, "replace_triggered_by": true},
	dataBody:     {},
}

// checkLifecycle checks a lifecycle block.
func (c *tfChecker) checkLifecycle(scope *tfScope, path string, block *hclsyntax.Block, owner *tfResource) {
	kind := resourceBody
	if owner != nil && owner.data {
		kind = dataBody
	}
	path += ".lifecycle"
	for _, name := range sortedKeys(block.Body.Attributes) {
		attr := block.Body.Attributes[name]
		if !lifecycleArguments[kind][name] {
			c.addf(attr.NameRange, "%s: unknown argument %q", path, name)
			continue
		}
		switch name {
		case "create_before_destroy", "prevent_destroy":
			c.checkLiteral(path, name, attr.Expr, cty.Bool)
			if len(attr.Expr.Variables()) > 0 {
				c.addf(attr.Expr.Range(), "%s: %s must be a literal true or false", path, name)
			}
		case "ignore_changes":
			c.checkIgnoreChanges(path, attr, owner)
		case "replace_triggered_by":
			c.checkRefs(scope, attr.Expr)
		}
	}
	for _, nested := range block.Body.Blocks {
		switch nested.Type {
		case "precondition":
			c.checkCondition(scope, path+".precondition", nested)
		case "postcondition":
			c.checkCondition(scope.withSelf(), path+".postcondition", nested)
		default:
			c.addf(nested.TypeRange, "%s: unknown block %q", path, nested.Type)
		}
	}
}

// checkIgnoreChanges checks that ignore_changes is `all` or a list of the
// resource's own argument names.
func (c *tfChecker) checkIgnoreChanges(path string, attr *hclsyntax.Attribute, owner *tfResource) {
	if hcl.ExprAsKeyword(attr.Expr) == "all" {
		return
	}
	tuple, ok := attr.Expr.(*hclsyntax.TupleConsExpr)
	if !ok {
		c.addf(attr.Expr.Range(), "%s: ignore_changes must be all or a list of argument names", path)
		return
	}
	for _, elem := range tuple.Exprs {
		trav, diags := hcl.AbsTraversalForExpr(elem)
		if diags.HasErrors() || len(trav) == 0 {
			c.addf(elem.Range(), "%s: ignore_changes entries must be argument names such as tags", path)
			continue
		}
		name := trav.RootName()
		if owner == nil || owner.schema == nil {
			continue
		}
		if _, ok := owner.schema.Attributes[name]; !ok && owner.schema.BlockTypes[name] == nil {
			c.addf(elem.Range(), "%s: ignore_changes names %q, which %s does not have", path, name, owner.typeName)
		}
	}
}

// checkCondition checks a precondition, postcondition or validation block.
func (c *tfChecker) checkCondition(scope *tfScope, path string, block *hclsyntax.Block) {
	for _, name := range sortedKeys(block.Body.Attributes) {
		attr := block.Body.Attributes[name]
		if name != "condition" && name != "error_message" {
			c.addf(attr.NameRange, "%s: unknown argument %q", path, name)
			continue
		}
		c.checkRefs(scope, attr.Expr)
	}
	for _, name := range []string{"condition", "error_message"} {
		if _, ok := block.Body.Attributes[name]; !ok {
			c.addf(block.DefRange(), "%s: required argument %q is missing", path, name)
		}
	}
	for _, nested := range block.Body.Blocks {
		c.addf(nested.TypeRange, "%s: unexpected block %q", path, nested.Type)
	}
}

// checkLiteral reports a literal value that Terraform cannot convert to
// want. Parts of the expression that are not literals are treated as
// unknown, so only what is written out is judged; the conversion rules are
// Terraform's own (cty's), so "80" is a valid number and 1 a valid string.
func (c *tfChecker) checkLiteral(path, name string, expr hclsyntax.Expression, want cty.Type) {
	if want == cty.NilType || want == cty.DynamicPseudoType {
		return
	}
	value := literalValue(expr)
	if value.Type() == cty.DynamicPseudoType {
		return
	}
	if _, err := convert.Convert(value, want); err != nil {
		c.addf(expr.Range(), "%s: invalid value for %q: %s", path, name, err.Error())
	}
}

// literalValue returns the value of the literal parts of expr: a literal,
// a template without interpolations, or a list or object built from them.
// Everything else, and every non-literal part, is unknown; a template with
// interpolations is an unknown string, since that is all it can produce.
func literalValue(expr hclsyntax.Expression) cty.Value {
	switch e := expr.(type) {
	case *hclsyntax.LiteralValueExpr:
		return e.Val
	case *hclsyntax.TemplateExpr:
		if e.IsStringLiteral() {
			if v, diags := e.Value(nil); !diags.HasErrors() {
				return v
			}
		}
		return cty.UnknownVal(cty.String)
	case *hclsyntax.TupleConsExpr:
		if len(e.Exprs) == 0 {
			return cty.EmptyTupleVal
		}
		elems := make([]cty.Value, len(e.Exprs))
		for i, elem := range e.Exprs {
			elems[i] = literalValue(elem)
		}
		return cty.TupleVal(elems)
	case *hclsyntax.ObjectConsExpr:
		attrs := make(map[string]cty.Value, len(e.Items))
		for _, item := range e.Items {
			key, ok := objectKey(item.KeyExpr)
			if !ok {
				return cty.DynamicVal
			}
			attrs[key] = literalValue(item.ValueExpr)
		}
		return cty.ObjectVal(attrs)
	case *hclsyntax.ParenthesesExpr:
		return literalValue(e.Expression)
	case *hclsyntax.UnaryOpExpr:
		// -1 parses as a negation of the literal 1.
		if len(e.Variables()) == 0 {
			if v, diags := e.Value(nil); !diags.HasErrors() {
				return v
			}
		}
	}
	return cty.DynamicVal
}

// objectKey returns the key of an object constructor item when it is a
// literal name or string.
func objectKey(expr hclsyntax.Expression) (string, bool) {
	key, ok := expr.(*hclsyntax.ObjectConsKeyExpr)
	if !ok || key.ForceNonLiteral {
		return "", false
	}
	if word := hcl.ExprAsKeyword(key.Wrapped); word != "" {
		return word, true
	}
	v := literalValue(key.Wrapped)
	if !v.IsKnown() || v.IsNull() || v.Type() != cty.String {
		return "", false
	}
	return v.AsString(), true
}

// didYouMean returns ` (did you mean "x"?)` when exactly one candidate is
// the closest to name and close enough to be a typo of it (a quarter of
// its length in edits, at least one), else "".
func didYouMean(name string, candidates []string) string {
	limit := max(1, len(name)/4)
	best, bestDistance, ties := "", limit+1, 0
	for _, candidate := range candidates {
		d := editDistance(strings.ToLower(name), strings.ToLower(candidate))
		switch {
		case d < bestDistance:
			best, bestDistance, ties = candidate, d, 0
		case d == bestDistance:
			ties++
		}
	}
	if best == "" || ties > 0 || best == name {
		return ""
	}
	return ` (did you mean "` + best + `"?)`
}

// editDistance is the optimal string alignment distance between a and b
// (in bytes): insertions, deletions, substitutions and transpositions of
// adjacent bytes, the usual typos, each count one.
func editDistance(a, b string) int {
	rows := make([][]int, len(a)+1)
	for i := range rows {
		rows[i] = make([]int, len(b)+1)
		rows[i][0] = i
	}
	for j := range rows[0] {
		rows[0][j] = j
	}
	for i := 1; i <= len(a); i++ {
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			rows[i][j] = min(rows[i-1][j]+1, rows[i][j-1]+1, rows[i-1][j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				rows[i][j] = min(rows[i][j], rows[i-2][j-2]+1)
			}
		}
	}
	return rows[len(a)][len(b)]
}
