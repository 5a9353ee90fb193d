package validate

import (
	"fmt"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"

	"github.com/scaffold-iac/scaffold/schemas"
)

// tfScope is what references may name at one point of a module.
type tfScope struct {
	module *tfModule
	// subject names the enclosing top-level block in messages.
	subject string
	// count and forEach say whether count.index and each.* are available.
	count, forEach bool
	// self is set in provisioners, connections and postconditions.
	self bool
	// symbols are names bound by dynamic blocks and for expressions.
	symbols map[string]bool
}

// with returns a copy of the scope with more symbols bound.
func (s *tfScope) with(names ...string) *tfScope {
	next := *s
	next.symbols = make(map[string]bool, len(s.symbols)+len(names))
	for name := range s.symbols {
		next.symbols[name] = true
	}
	for _, name := range names {
		next.symbols[name] = true
	}
	return &next
}

// withSelf returns a copy of the scope in which self is available.
func (s *tfScope) withSelf() *tfScope {
	next := *s
	next.self = true
	return &next
}

// checkRefs checks every reference and function call in expr.
func (c *tfChecker) checkRefs(scope *tfScope, expr hclsyntax.Expression) {
	hclsyntax.Walk(expr, &refWalker{c: c, scopes: []*tfScope{scope}})
}

// refWalker visits an expression tree, keeping track of the symbols that
// for expressions bind. hclsyntax wraps the parts of a for expression that
// see those symbols (key, value, condition; not the collection) in a
// ChildScope node, so entering one pushes a scope and leaving it pops.
type refWalker struct {
	c      *tfChecker
	scopes []*tfScope
}

// Enter implements hclsyntax.Walker.
func (w *refWalker) Enter(node hclsyntax.Node) hcl.Diagnostics {
	if child, ok := node.(hclsyntax.ChildScope); ok {
		w.scopes = append(w.scopes, w.scope().with(sortedKeys(child.LocalNames)...))
		return nil
	}
	scope := w.scope()
	switch e := node.(type) {
	case *hclsyntax.ScopeTraversalExpr:
		w.c.checkTraversal(scope, e.Traversal, e.SrcRange)
	case *hclsyntax.IndexExpr:
		// aws_eip.nat[each.key]: the key is an expression, so the
		// traversal stops before it.
		if r := w.c.resourceOf(scope, e.Collection); r != nil {
			w.c.checkInstanceKey(scope, r, true, e.SrcRange)
		}
	case *hclsyntax.RelativeTraversalExpr:
		// aws_eip.nat[each.key].id: the attributes after the key.
		if index, ok := e.Source.(*hclsyntax.IndexExpr); ok {
			if r := w.c.resourceOf(scope, index.Collection); r != nil {
				w.c.checkAttributePath(scope, r, e.Traversal, e.SrcRange)
			}
		}
	case *hclsyntax.SplatExpr:
		// aws_subnet.private[*].id
		if r := w.c.resourceOf(scope, e.Source); r != nil {
			if each, ok := e.Each.(*hclsyntax.RelativeTraversalExpr); ok {
				if _, anon := each.Source.(*hclsyntax.AnonSymbolExpr); anon {
					w.c.checkAttributePath(scope, r, each.Traversal, e.SrcRange)
				}
			}
		}
	case *hclsyntax.FunctionCallExpr:
		if !builtinFunctions[e.Name] {
			w.c.addf(e.NameRange, "%s: unknown function %q%s", scope.subject, e.Name, didYouMean(e.Name, builtinFunctionNames()))
		}
	}
	return nil
}

// Exit implements hclsyntax.Walker.
func (w *refWalker) Exit(node hclsyntax.Node) hcl.Diagnostics {
	if _, ok := node.(hclsyntax.ChildScope); ok {
		w.scopes = w.scopes[:len(w.scopes)-1]
	}
	return nil
}

// scope is the innermost scope.
func (w *refWalker) scope() *tfScope { return w.scopes[len(w.scopes)-1] }

// resourceOf returns the declared resource or data source that expr names
// as a whole (aws_subnet.private, data.aws_x.y), or nil.
func (c *tfChecker) resourceOf(scope *tfScope, expr hclsyntax.Expression) *tfResource {
	e, ok := expr.(*hclsyntax.ScopeTraversalExpr)
	if !ok || scope.symbols[e.Traversal.RootName()] {
		return nil
	}
	r, rest := c.lookupResource(scope.module, e.Traversal)
	if r == nil || len(rest) > 0 {
		return nil
	}
	return r
}

// lookupResource resolves the resource or data source at the start of
// trav and returns it with the rest of the traversal.
func (c *tfChecker) lookupResource(m *tfModule, trav hcl.Traversal) (*tfResource, hcl.Traversal) {
	if trav.RootName() == "data" {
		if len(trav) < 3 {
			return nil, nil
		}
		return m.data[attrName(trav, 1)+"."+attrName(trav, 2)], trav[3:]
	}
	if len(trav) < 2 {
		return nil, nil
	}
	return m.resources[trav.RootName()+"."+attrName(trav, 1)], trav[2:]
}

// checkTraversal checks a reference that starts with a name: var.x,
// local.x, each.key, aws_vpc.main.id, data.aws_x.y.z, module.m.out, ...
func (c *tfChecker) checkTraversal(scope *tfScope, trav hcl.Traversal, rng hcl.Range) {
	root := trav.RootName()
	if scope.symbols[root] {
		return
	}
	m := scope.module
	subject := scope.subject
	second := attrName(trav, 1)
	switch root {
	case "var":
		if _, ok := m.variables[second]; !ok {
			c.addf(rng, "%s: reference to undeclared input variable %q%s", subject, second, didYouMean(second, sortedKeys(m.variables)))
		}
	case "local":
		if _, ok := m.locals[second]; !ok {
			c.addf(rng, "%s: reference to undeclared local value %q%s", subject, second, didYouMean(second, sortedKeys(m.locals)))
		}
	case "each":
		switch {
		case !scope.forEach:
			c.addf(rng, "%s: each.%s can be used only in a block that sets for_each", subject, second)
		case second != "key" && second != "value":
			c.addf(rng, "%s: each has only key and value, not %q", subject, second)
		}
	case "count":
		switch {
		case !scope.count:
			c.addf(rng, "%s: count.%s can be used only in a block that sets count", subject, second)
		case second != "index":
			c.addf(rng, "%s: count has only index, not %q", subject, second)
		}
	case "self":
		if !scope.self {
			c.addf(rng, "%s: self can be used only in provisioners, connections and postconditions", subject)
		}
	case "path":
		if second != "module" && second != "root" && second != "cwd" {
			c.addf(rng, "%s: path has only module, root and cwd, not %q", subject, second)
		}
	case "terraform":
		if second != "workspace" && second != "applying" {
			c.addf(rng, "%s: terraform has only workspace and applying, not %q", subject, second)
		}
	case "module":
		call, ok := m.calls[second]
		if !ok {
			c.addf(rng, "%s: reference to undeclared module %q", subject, second)
			return
		}
		output := attrName(trav, 2)
		if call.target != nil && output != "" {
			if _, ok := call.target.outputs[output]; !ok {
				c.addf(rng, "%s: module %q has no output %q%s", subject, second, output, didYouMean(output, sortedKeys(call.target.outputs)))
			}
		}
	case "data":
		r, rest := c.lookupResource(m, trav)
		if r == nil {
			c.addf(rng, "%s: reference to undeclared data source data.%s.%s", subject, second, attrName(trav, 2))
			return
		}
		c.checkResourceSteps(scope, r, rest, rng)
	default:
		if second == "" {
			c.addf(rng, "%s: invalid reference %q: a resource reference needs a type and a name", subject, traversalString(trav))
			return
		}
		r, rest := c.lookupResource(m, trav)
		if r == nil {
			c.addf(rng, "%s: reference to undeclared resource %s.%s", subject, root, second)
			return
		}
		c.checkResourceSteps(scope, r, rest, rng)
	}
}

// checkResourceSteps checks what follows a resource address in a
// traversal: an instance key when the resource has count or for_each, then
// attributes the schema has.
func (c *tfChecker) checkResourceSteps(scope *tfScope, r *tfResource, rest hcl.Traversal, rng hcl.Range) {
	if len(rest) == 0 {
		return // the whole resource, e.g. for_each = aws_subnet.public
	}
	_, indexed := rest[0].(hcl.TraverseIndex)
	if !c.checkInstanceKey(scope, r, indexed, rng) {
		return
	}
	if indexed {
		rest = rest[1:]
	}
	c.checkAttributePath(scope, r, rest, rng)
}

// checkInstanceKey reports an instance key on a resource without count or
// for_each, or an attribute read straight off a resource that has them.
// It returns false when it reported something.
func (c *tfChecker) checkInstanceKey(scope *tfScope, r *tfResource, indexed bool, rng hcl.Range) bool {
	repeated := ""
	switch {
	case r.count:
		repeated = "count"
	case r.forEach:
		repeated = "for_each"
	}
	switch {
	case indexed && repeated == "":
		c.addf(rng, `%s: %s has neither "count" nor "for_each", so it takes no instance key`, scope.subject, r.address())
		return false
	case !indexed && repeated != "":
		c.addf(rng, "%s: %s has %q set, so its attributes must be read from one instance, such as %s[%s]", scope.subject, r.address(), repeated, r.address(), exampleKey(repeated))
		return false
	}
	return true
}

// exampleKey is the instance key messages suggest.
func exampleKey(repeated string) string {
	if repeated == "count" {
		return "0"
	}
	return "each.key"
}

// checkAttributePath checks the attributes read from one instance of r,
// following object attributes and nested blocks as far as the schema says
// what they are.
func (c *tfChecker) checkAttributePath(scope *tfScope, r *tfResource, steps hcl.Traversal, rng hcl.Range) {
	if r.schema == nil || len(steps) == 0 {
		return
	}
	first, ok := steps[0].(hcl.TraverseAttr)
	if !ok {
		return
	}
	block := r.schema
	owner := r.address()
	for {
		if attr, ok := block.Attributes[first.Name]; ok {
			c.checkTypePath(scope, owner+"."+first.Name, attr.Type, steps[1:], rng)
			return
		}
		nested, ok := block.BlockTypes[first.Name]
		if !ok {
			c.addf(rng, "%s: %s has no attribute %q%s", scope.subject, owner, first.Name, didYouMean(first.Name, blockNames(block)))
			return
		}
		owner += "." + first.Name
		steps = steps[1:]
		if nested.NestingMode != schemas.NestingSingle && nested.NestingMode != schemas.NestingGroup {
			// A list, set or map of blocks: an index must come first.
			if len(steps) == 0 {
				return
			}
			index, ok := steps[0].(hcl.TraverseIndex)
			if !ok {
				return
			}
			owner += "[" + keyString(index.Key) + "]"
			steps = steps[1:]
		}
		if len(steps) == 0 {
			return
		}
		if first, ok = steps[0].(hcl.TraverseAttr); !ok {
			return
		}
		block = &nested.Block
	}
}

// checkTypePath follows the steps of a traversal into a value of type typ
// and reports an object attribute that the type lacks. It stops where the
// type is dynamic or the step does not fit, leaving those to Terraform.
func (c *tfChecker) checkTypePath(scope *tfScope, owner string, typ cty.Type, steps hcl.Traversal, rng hcl.Range) {
	for _, step := range steps {
		switch s := step.(type) {
		case hcl.TraverseAttr:
			switch {
			case typ.IsObjectType():
				if !typ.HasAttribute(s.Name) {
					c.addf(rng, "%s: %s has no attribute %q", scope.subject, owner, s.Name)
					return
				}
				typ = typ.AttributeType(s.Name)
			case typ.IsMapType():
				typ = typ.ElementType()
			default:
				return
			}
			owner += "." + s.Name
		case hcl.TraverseIndex:
			if !typ.IsListType() && !typ.IsMapType() && !typ.IsSetType() {
				return
			}
			typ = typ.ElementType()
			owner += "[" + keyString(s.Key) + "]"
		default:
			return
		}
	}
}

// attrName returns the name of trav's i-th step if it is an attribute
// access (or the root, for i == 0), else "".
func attrName(trav hcl.Traversal, i int) string {
	if i >= len(trav) {
		return ""
	}
	switch step := trav[i].(type) {
	case hcl.TraverseRoot:
		return step.Name
	case hcl.TraverseAttr:
		return step.Name
	}
	return ""
}

// traversalString renders a traversal as it would be written.
func traversalString(trav hcl.Traversal) string {
	var b strings.Builder
	for _, step := range trav {
		switch s := step.(type) {
		case hcl.TraverseRoot:
			b.WriteString(s.Name)
		case hcl.TraverseAttr:
			b.WriteString("." + s.Name)
		case hcl.TraverseIndex:
			b.WriteString("[" + keyString(s.Key) + "]")
		case hcl.TraverseSplat:
			b.WriteString("[*]")
		}
	}
	return b.String()
}

// keyString renders an index key: numbers bare, strings quoted.
func keyString(key cty.Value) string {
	if !key.IsKnown() || key.IsNull() {
		return "?"
	}
	switch key.Type() {
	case cty.String:
		return fmt.Sprintf("%q", key.AsString())
	case cty.Number:
		return key.AsBigFloat().Text('f', -1)
	}
	return "?"
}
