package validate

import (
	"fmt"
	"strings"

	"github.com/goccy/go-yaml/ast"
)

// The CloudFormation checks work on a small tree of their own, converted
// from goccy/go-yaml's AST: mappings keep their key order and positions,
// and intrinsic functions, whether written as short-form tags (!Ref) or as
// long-form single-key mappings (Ref:, Fn::GetAtt:), become one kind of
// node. The checks then never deal with YAML syntax.

// cfnKind is the kind of a template node.
type cfnKind int

const (
	cfnNull cfnKind = iota
	cfnMap
	cfnSeq
	cfnScalar
	cfnFunc // an intrinsic function
	// cfnInvalid stands for something already reported (a YAML alias),
	// so that checks of the value do not report it again.
	cfnInvalid
)

// scalarKind is the YAML type of a scalar.
type scalarKind int

const (
	scalarString scalarKind = iota
	scalarInt
	scalarFloat
	scalarBool
)

// cfnNode is one value of a template.
type cfnNode struct {
	kind         cfnKind
	line, column int

	keys []*cfnKey // cfnMap, in document order

	items []*cfnNode // cfnSeq

	text   string     // cfnScalar: the value as written, unquoted
	scalar scalarKind // cfnScalar
	// literalBlock is set for a `|` block scalar, whose lines follow the
	// header line one to one, so positions inside it can be computed.
	literalBlock bool

	fn    string   // cfnFunc: "Ref", "Fn::GetAtt", "Condition", ...
	arg   *cfnNode // cfnFunc
	short bool     // cfnFunc written as a tag (!Ref)
}

// cfnKey is one entry of a mapping.
type cfnKey struct {
	name         string
	line, column int
	value        *cfnNode
}

// get returns the value of a mapping key, or nil.
func (n *cfnNode) get(name string) *cfnNode {
	if k := n.key(name); k != nil {
		return k.value
	}
	return nil
}

// key returns the entry of a mapping key, or nil.
func (n *cfnNode) key(name string) *cfnKey {
	if n == nil || n.kind != cfnMap {
		return nil
	}
	for _, k := range n.keys {
		if k.name == name {
			return k
		}
	}
	return nil
}

// isString reports whether n is a scalar and returns its text. Numbers and
// booleans count: CloudFormation reads every scalar as text where it wants
// a string.
func (n *cfnNode) isString() (string, bool) {
	if n == nil || n.kind != cfnScalar {
		return "", false
	}
	return n.text, true
}

// describe names the kind of value n is, for messages.
func (n *cfnNode) describe() string {
	switch n.kind {
	case cfnMap:
		return "a mapping"
	case cfnSeq:
		return "a list"
	case cfnFunc:
		return n.display()
	case cfnInvalid:
		return "an invalid value"
	case cfnScalar:
		switch n.scalar {
		case scalarInt, scalarFloat:
			return "the number " + n.text
		case scalarBool:
			return "the boolean " + n.text
		}
		return fmt.Sprintf("%q", n.text)
	}
	return "null"
}

// display names an intrinsic function as the template wrote it.
func (n *cfnNode) display() string {
	if n.short {
		return "!" + strings.TrimPrefix(n.fn, "Fn::")
	}
	return n.fn
}

// shortFunctions maps the short-form tags to the functions they stand for.
var shortFunctions = map[string]string{
	"!Ref": "Ref", "!Condition": "Condition",
	"!And": "Fn::And", "!Base64": "Fn::Base64", "!Cidr": "Fn::Cidr", "!Equals": "Fn::Equals",
	"!FindInMap": "Fn::FindInMap", "!GetAZs": "Fn::GetAZs", "!GetAtt": "Fn::GetAtt", "!If": "Fn::If",
	"!ImportValue": "Fn::ImportValue", "!Join": "Fn::Join", "!Length": "Fn::Length", "!Not": "Fn::Not",
	"!Or": "Fn::Or", "!Select": "Fn::Select", "!Split": "Fn::Split", "!Sub": "Fn::Sub",
	"!ToJsonString": "Fn::ToJsonString", "!Transform": "Fn::Transform",
}

// yamlConverter turns a goccy AST into cfnNodes, reporting what
// CloudFormation does not accept (aliases, unknown tags) on the way.
type yamlConverter struct {
	report func(line, column int, format string, args ...any)
}

// convert converts one AST node; nil becomes a null node.
func (y *yamlConverter) convert(node ast.Node) *cfnNode {
	if node == nil {
		return &cfnNode{kind: cfnNull}
	}
	tok := node.GetToken()
	n := &cfnNode{line: tok.Position.Line, column: tok.Position.Column}
	switch v := node.(type) {
	case *ast.DocumentNode:
		return y.convert(v.Body)
	case *ast.MappingNode:
		return y.mapping(n, v.Values)
	case *ast.MappingValueNode:
		return y.mapping(n, []*ast.MappingValueNode{v})
	case *ast.SequenceNode:
		n.kind = cfnSeq
		for _, item := range v.Values {
			n.items = append(n.items, y.convert(item))
		}
	case *ast.StringNode:
		n.kind, n.text = cfnScalar, v.Value
	case *ast.LiteralNode:
		n.kind, n.text = cfnScalar, v.Value.Value
		n.literalBlock = strings.HasPrefix(v.Start.Value, "|")
		// The header token is on the line before the text.
		n.line = v.Value.GetToken().Position.Line
	case *ast.IntegerNode:
		n.kind, n.text, n.scalar = cfnScalar, tok.Value, scalarInt
	case *ast.FloatNode, *ast.InfinityNode, *ast.NanNode:
		n.kind, n.text, n.scalar = cfnScalar, tok.Value, scalarFloat
	case *ast.BoolNode:
		n.kind, n.text, n.scalar = cfnScalar, tok.Value, scalarBool
	case *ast.NullNode:
		n.kind = cfnNull
	case *ast.TagNode:
		return y.tag(n, v)
	case *ast.AnchorNode:
		// An anchor is harmless on its own; CloudFormation rejects the
		// aliases that use it.
		return y.convert(v.Value)
	case *ast.AliasNode:
		y.report(n.line, n.column, "YAML aliases (*%s) are not allowed in CloudFormation templates", v.Value.GetToken().Value)
		n.kind = cfnInvalid
	default:
		y.report(n.line, n.column, "unsupported YAML construct %s", node.Type())
		n.kind = cfnInvalid
	}
	return n
}

// mapping converts the entries of a mapping. A mapping with the single key
// Ref or Fn::* is the long form of an intrinsic function.
func (y *yamlConverter) mapping(n *cfnNode, values []*ast.MappingValueNode) *cfnNode {
	n.kind = cfnMap
	for _, mv := range values {
		keyTok := mv.Key.GetToken()
		k := &cfnKey{name: keyTok.Value, line: keyTok.Position.Line, column: keyTok.Position.Column}
		if s, ok := mv.Key.(*ast.StringNode); ok {
			k.name = s.Value
		}
		k.value = y.convert(mv.Value)
		n.keys = append(n.keys, k)
	}
	if len(n.keys) > 0 {
		n.line, n.column = n.keys[0].line, n.keys[0].column
	}
	if len(n.keys) == 1 {
		if name := n.keys[0].name; name == "Ref" || strings.HasPrefix(name, "Fn::") {
			return &cfnNode{kind: cfnFunc, fn: name, arg: n.keys[0].value, line: n.line, column: n.column}
		}
	}
	return n
}

// tag converts a tagged node: a short-form intrinsic function, or a YAML
// core tag such as !!str.
func (y *yamlConverter) tag(n *cfnNode, v *ast.TagNode) *cfnNode {
	tag := v.Start.Value
	if fn, ok := shortFunctions[tag]; ok {
		n.kind, n.fn, n.short = cfnFunc, fn, true
		n.arg = y.convert(v.Value)
		return n
	}
	inner := y.convert(v.Value)
	switch tag {
	case "!!str":
		if inner.kind == cfnScalar {
			inner.scalar = scalarString
		}
	case "!!int", "!!float", "!!bool", "!!null", "!!map", "!!seq":
	default:
		y.report(n.line, n.column, "unknown tag %s", tag)
	}
	return inner
}
