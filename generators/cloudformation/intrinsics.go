package cloudformation

import (
	"strconv"
	"strings"
	"unicode"

	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/token"
)

// The types in this file are CloudFormation intrinsic functions in their
// short form (`!Ref Vpc` rather than `Ref: Vpc`), which is what people write
// by hand and what the AWS documentation shows. goccy/go-yaml cannot emit a
// tag from plain Go values, so each type builds its node with goccy's AST
// and hands the encoder the printed node through yaml.BytesMarshaler; the
// encoder parses it back into the document. Nothing here joins YAML text by
// hand, which is what keeps quoting and escaping goccy's problem.

// intrinsic is a value that renders as one YAML node, usually a tagged one.
// The arguments of !Join nest intrinsics, which is why they expose node as
// well as MarshalYAML.
type intrinsic interface {
	node() ast.Node
	MarshalYAML() ([]byte, error)
}

// position is where built nodes claim to start. The printer only uses
// positions for block-style collections and multi-line strings, which these
// nodes never contain, and the encoder re-positions the parsed result.
func position() *token.Position { return &token.Position{Line: 1, Column: 1} }

// ref is `!Ref Name`: a parameter, a pseudo parameter such as AWS::Region,
// or a resource's logical ID.
type ref string

func (r ref) node() ast.Node { return tagged("!Ref", plain(string(r))) }

// MarshalYAML implements yaml.BytesMarshaler.
func (r ref) MarshalYAML() ([]byte, error) { return render(r) }

// getAtt is `!GetAtt Resource.Attribute`, the dotted short form that is
// valid whenever the attribute name is literal, which it always is here.
type getAtt struct {
	resource  string
	attribute string
}

func (g getAtt) node() ast.Node {
	return tagged("!GetAtt", plain(g.resource+"."+g.attribute))
}

// MarshalYAML implements yaml.BytesMarshaler.
func (g getAtt) MarshalYAML() ([]byte, error) { return render(g) }

// sub is `!Sub 'text'`. The text is always quoted: `${...}` and colons in
// ARNs read more safely quoted, and a single style keeps diffs between
// templates quiet.
type sub string

func (s sub) node() ast.Node { return tagged("!Sub", quoted(string(s))) }

// MarshalYAML implements yaml.BytesMarshaler.
func (s sub) MarshalYAML() ([]byte, error) { return render(s) }

// selectAZ is !Select of the i-th item of !GetAZs with an empty argument:
// the i-th Availability Zone of the region the stack is deployed in. The
// empty argument means "this region", so the template works unchanged in
// any region, and cfn-lint warns about hard-coded zone names.
type selectAZ int

func (s selectAZ) node() ast.Node {
	return tagged("!Select", flowSequence(
		integer(int64(s)),
		tagged("!GetAZs", quoted("")),
	))
}

// MarshalYAML implements yaml.BytesMarshaler.
func (s selectAZ) MarshalYAML() ([]byte, error) { return render(s) }

// selectCIDR is `!Select [index, !Cidr [block, count, hostBits]]`: one
// of the count subnets, each with hostBits host bits, that !Cidr cuts from
// the start of block. The block is a !Ref or another intrinsic, or a
// literal, which is quoted like any literal inside a flow sequence.
type selectCIDR struct {
	index    int
	block    intrinsic
	count    int
	hostBits int
}

func (s selectCIDR) node() ast.Node {
	return tagged("!Select", flowSequence(
		integer(int64(s.index)),
		tagged("!Cidr", flowSequence(s.block.node(), integer(int64(s.count)), integer(int64(s.hostBits)))),
	))
}

// MarshalYAML implements yaml.BytesMarshaler.
func (s selectCIDR) MarshalYAML() ([]byte, error) { return render(s) }

// base64Text is `!Base64 'text'`: a literal string that CloudFormation
// encodes, such as a user data script. Multi-line text is double-quoted
// with escapes (see quoted): a literal block (`|`) would read better, but
// goccy does not re-indent a block scalar that comes through
// yaml.BytesMarshaler, and a tag can only be written that way.
type base64Text string

func (b base64Text) node() ast.Node { return tagged("!Base64", quoted(string(b))) }

// MarshalYAML implements yaml.BytesMarshaler.
func (b base64Text) MarshalYAML() ([]byte, error) { return render(b) }

// join is `!Join [delimiter, [part, ...]]`. It is the fallback for
// concatenations that !Sub cannot express and the form of list outputs.
type join struct {
	delimiter string
	parts     []intrinsic
}

func (j join) node() ast.Node {
	parts := make([]ast.Node, len(j.parts))
	for i, part := range j.parts {
		parts[i] = part.node()
	}
	return tagged("!Join", flowSequence(quoted(j.delimiter), flowSequence(parts...)))
}

// MarshalYAML implements yaml.BytesMarshaler.
func (j join) MarshalYAML() ([]byte, error) { return render(j) }

// literal is a string inside a !Join. It is always quoted: commas, colons
// and brackets end a plain scalar inside `[...]`, and ARN fragments are
// full of them. It is an intrinsic only so that !Join parts have one type.
type literal string

func (l literal) node() ast.Node { return quoted(string(l)) }

// MarshalYAML implements yaml.BytesMarshaler.
func (l literal) MarshalYAML() ([]byte, error) { return render(l) }

// render prints an intrinsic's node for the encoder to parse back.
func render(i intrinsic) ([]byte, error) { return []byte(i.node().String()), nil }

func tagged(name string, value ast.Node) ast.Node {
	tag := ast.Tag(token.Tag(name, name, position()))
	tag.Value = value
	return tag
}

// plain is an unquoted scalar. It is only used for logical IDs, parameter
// names and pseudo parameters, which are alphanumeric apart from "::" and
// ".", so they never need quotes.
func plain(text string) ast.Node {
	return ast.String(token.String(text, text, position()))
}

// quoted is a single-quoted scalar; the printer doubles embedded quotes.
// Text with line breaks or other control characters is double-quoted
// instead, with escapes: a line break inside single quotes folds into a
// space when read back, and a block scalar cannot pass through
// yaml.BytesMarshaler because the encoder does not re-indent it.
func quoted(text string) ast.Node {
	if strings.ContainsFunc(text, unicode.IsControl) {
		return ast.String(token.DoubleQuote(text, strconv.Quote(text), position()))
	}
	return ast.String(token.SingleQuote(text, "'"+text+"'", position()))
}

func integer(i int64) ast.Node {
	text := strconv.FormatInt(i, 10)
	return ast.Integer(token.New(text, text, position()))
}

func flowSequence(values ...ast.Node) ast.Node {
	seq := ast.Sequence(token.SequenceStart("[", position()), true)
	seq.Values = values
	return seq
}
