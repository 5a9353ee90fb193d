package graph

import (
	"errors"
	"fmt"
)

// Value is a property, output or parameter value. The concrete types below
// are the whole vocabulary: literals, collections, references and string
// interpolation. Generators switch over them exhaustively and report an
// error for anything else.
type Value interface {
	isValue()
}

// String is a literal string.
type String string

// Int is a literal integer.
type Int int64

// Bool is a literal boolean.
type Bool bool

// List is an ordered list of values.
type List []Value

// Field is one key of an Object.
type Field struct {
	Key   string
	Value Value
}

// Object is a map with a fixed key order. Keys are written exactly as given
// (they are data, such as tag keys or policy fields, not property names).
type Object []Field

// Struct is a nested group of arguments, such as a launch template's
// metadata options. Unlike Object, its keys are property names in the
// model's snake_case, which each generator translates as it does top-level
// property names: Terraform writes a nested block (or an object argument,
// as the schema says) and CloudFormation a mapping with its own key names.
// A List of Structs is a repeated block.
type Struct []Field

// Base64 is its value base64-encoded at deploy time: base64encode() in
// Terraform, !Base64 in CloudFormation. User data uses it.
type Base64 struct {
	Value Value
}

// Document is a JSON document such as an IAM policy. Terraform renders it
// with jsonencode() and CloudFormation as an inline mapping; keys keep their
// order and spelling in both.
type Document Object

// Attr is a neutral attribute of a component that another value reads.
type Attr string

// Attributes that references can read. Each generator maps them per kind
// (for example AttrID is `.id` in Terraform and `!Ref` in CloudFormation for
// most kinds, AttrARN is `.arn` and `!GetAtt X.Arn`).
const (
	AttrID   Attr = "id"
	AttrARN  Attr = "arn"
	AttrName Attr = "name"
	// AttrDefaultSecurityGroup is the ID of a VPC's default security group,
	// which AWS creates with the VPC.
	AttrDefaultSecurityGroup Attr = "default_security_group_id"
	// AttrURL is a queue's URL.
	AttrURL Attr = "url"
	// AttrDNSName is a load balancer's DNS name.
	AttrDNSName Attr = "dns_name"
	// AttrLatestVersion is a launch template's latest version number.
	AttrLatestVersion Attr = "latest_version"
	// AttrZoneID is the Route 53 hosted zone of a load balancer's DNS
	// name, which an alias record pointing at it names.
	AttrZoneID Attr = "zone_id"
	// AttrAddress is a DB instance's endpoint host name, without the port.
	AttrAddress Attr = "address"
	// AttrSecretARN is the ARN of the Secrets Manager secret in which RDS
	// keeps a DB instance's master password.
	AttrSecretARN Attr = "secret_arn"
)

// Ref reads an attribute of another component. It also orders creation:
// the referenced component is created first.
type Ref struct {
	Component string
	Attr      Attr
}

// ParamRef reads a deploy-time parameter.
type ParamRef struct {
	Name string
}

// AZ is the Index-th (zero-based) Availability Zone of the deployment
// region, resolved at deploy time (`data.aws_availability_zones` in
// Terraform, `!Select [i, !GetAZs ""]` in CloudFormation), so templates never
// hard-code zone names.
type AZ struct {
	Index int
}

// Pseudo is a value that only the deployment knows.
type Pseudo string

// Pseudo values.
const (
	PseudoRegion    Pseudo = "region"
	PseudoAccountID Pseudo = "account_id"
	PseudoPartition Pseudo = "partition"
	PseudoURLSuffix Pseudo = "url_suffix"
)

// Join concatenates its parts into one string: a template string in
// Terraform, !Sub (or !Join when a part cannot be substituted) in
// CloudFormation. Literal parts are String values.
type Join []Value

// GeneratedSecret is the JSON text of a secret made of fixed Fields
// (literal strings, such as a user name) and one password under Key that
// AWS generates at deploy time: Length characters, none of Exclude.
// Terraform reads the password from the aws_secretsmanager_random_password
// data source named Name and writes jsonencode() of the whole;
// CloudFormation writes a GenerateSecretString, whose SecretStringTemplate
// is the JSON of Fields. Only a secret_version's secret_string takes it.
type GeneratedSecret struct {
	Name    string
	Fields  Object
	Key     string
	Length  int
	Exclude string
}

// SecretValue is the value under Key of the JSON secret that the
// secret_version of the secret component Secret holds: the dynamic
// reference {{resolve:secretsmanager:<arn>:SecretString:<key>}} in
// CloudFormation, resolved at deploy time and never written into the
// template; in Terraform the version's own value (its literal field, or
// the generated password's data source), which only write-only
// arguments should take so that it stays out of the state.
type SecretValue struct {
	Secret string
	Key    string
}

// CIDRSubnet is the NetNum-th (zero-based) subnet of NewBits more prefix
// bits inside Block, computed at deploy time: Terraform's
// cidrsubnet(block, NewBits, NetNum), CloudFormation's
// !Select [NetNum, !Cidr [block, 1<<NewBits, host bits]]. It lets a
// template take its address block as a parameter and still lay out the
// same subnet grid a literal block would.
//
// BlockBits is the prefix length of Block. Terraform does not need it, but
// !Cidr counts host bits, not added bits, so CloudFormation cannot render
// the value without it; a block whose length varies at deploy time (a
// parameter whose pattern does not pin the length) cannot be cut this way.
type CIDRSubnet struct {
	Block     Value
	BlockBits int
	NewBits   int
	NetNum    int
}

// Check reports whether the numbers describe a subnet that exists: a block
// of /0 to /32, at least one added bit, a subnet no longer than /32 and a
// NetNum among the 1<<NewBits subnets. Generators add their own limits
// (CloudFormation's !Cidr makes at most 256 subnets).
func (c CIDRSubnet) Check() error {
	switch {
	case c.Block == nil:
		return errors.New("cidr subnet: no block")
	case c.BlockBits < 0 || c.BlockBits > 32:
		return fmt.Errorf("cidr subnet: block prefix length /%d is not between /0 and /32", c.BlockBits)
	case c.NewBits < 1:
		return fmt.Errorf("cidr subnet: %d new bits: a subnet needs at least one", c.NewBits)
	case c.BlockBits+c.NewBits > 32:
		return fmt.Errorf("cidr subnet: /%d plus %d bits is longer than /32", c.BlockBits, c.NewBits)
	case c.NetNum < 0 || int64(c.NetNum) >= int64(1)<<c.NewBits:
		return fmt.Errorf("cidr subnet: subnet number %d is outside 0..%d for %d new bits", c.NetNum, int64(1)<<c.NewBits-1, c.NewBits)
	}
	return nil
}

func (CIDRSubnet) isValue()      {}
func (GeneratedSecret) isValue() {}
func (SecretValue) isValue()     {}
func (String) isValue()          {}
func (Int) isValue()             {}
func (Bool) isValue()            {}
func (List) isValue()            {}
func (Object) isValue()          {}
func (Document) isValue()        {}
func (Struct) isValue()          {}
func (Base64) isValue()          {}
func (Ref) isValue()             {}
func (ParamRef) isValue()        {}
func (AZ) isValue()              {}
func (Pseudo) isValue()          {}
func (Join) isValue()            {}

// RefID is shorthand for a reference to a component's ID attribute.
func RefID(component string) Ref { return Ref{Component: component, Attr: AttrID} }

// RefARN is shorthand for a reference to a component's ARN.
func RefARN(component string) Ref { return Ref{Component: component, Attr: AttrARN} }

// Param is shorthand for a parameter reference.
func Param(name string) ParamRef { return ParamRef{Name: name} }

// Strings turns literal strings into a List.
func Strings(values ...string) List {
	list := make(List, len(values))
	for i, v := range values {
		list[i] = String(v)
	}
	return list
}

// Walk calls fn for v and every value nested inside it, depth first.
func Walk(v Value, fn func(Value)) {
	if v == nil {
		return
	}
	fn(v)
	switch v := v.(type) {
	case List:
		for _, item := range v {
			Walk(item, fn)
		}
	case Object:
		for _, f := range v {
			Walk(f.Value, fn)
		}
	case Document:
		for _, f := range v {
			Walk(f.Value, fn)
		}
	case Struct:
		for _, f := range v {
			Walk(f.Value, fn)
		}
	case Base64:
		Walk(v.Value, fn)
	case CIDRSubnet:
		Walk(v.Block, fn)
	case Join:
		for _, part := range v {
			Walk(part, fn)
		}
	case GeneratedSecret:
		for _, f := range v.Fields {
			Walk(f.Value, fn)
		}
	}
}

// Uses reports whether any value in the graph satisfies match; generators
// use it to decide whether supporting declarations (a data source for
// Availability Zones, say) are needed.
func (g *Graph) Uses(match func(Value) bool) bool {
	found := false
	visit := func(v Value) {
		Walk(v, func(v Value) {
			if !found && match(v) {
				found = true
			}
		})
	}
	for _, c := range g.Components {
		for _, p := range c.Properties {
			visit(p.Value)
		}
		visit(c.Name)
	}
	for _, o := range g.Outputs {
		visit(o.Value)
	}
	return found
}
