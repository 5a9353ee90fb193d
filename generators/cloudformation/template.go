package cloudformation

import "github.com/goccy/go-yaml"

// The types in this file are the shapes of a template's sections. Structs
// give fixed key order and omitempty for free; yaml.MapSlice is used where
// keys are data (logical IDs, parameter names) and their order is the
// graph's. Field order is the order people expect to read.

// template is the document. The field order is the section order the
// CloudFormation documentation uses.
type template struct {
	AWSTemplateFormatVersion string        `yaml:"AWSTemplateFormatVersion"`
	Description              string        `yaml:"Description,omitempty"`
	Metadata                 *metadata     `yaml:"Metadata,omitempty"`
	Parameters               yaml.MapSlice `yaml:"Parameters,omitempty"`
	Resources                yaml.MapSlice `yaml:"Resources"`
	Outputs                  yaml.MapSlice `yaml:"Outputs,omitempty"`
}

// metadata holds the console's parameter layout and what the template
// could not express.
type metadata struct {
	Interface *parameterInterface `yaml:"AWS::CloudFormation::Interface,omitempty"`
	Scaffold  *scaffoldMetadata   `yaml:"Scaffold,omitempty"`
}

// parameterInterface exists for its order: without ParameterGroups the
// console lists parameters alphabetically, not in the graph's order.
type parameterInterface struct {
	ParameterGroups []parameterGroup `yaml:"ParameterGroups"`
	ParameterLabels yaml.MapSlice    `yaml:"ParameterLabels"`
}

// parameterGroup is one titled block of inputs in the console.
type parameterGroup struct {
	Label      text     `yaml:"Label"`
	Parameters []string `yaml:"Parameters"`
}

// text is the {default: "..."} shape the console uses for labels.
type text struct {
	Default string `yaml:"default"`
}

// scaffoldMetadata is machine-readable for `scaffold validate` and people
// alike; the comment above Resources says the same in prose.
type scaffoldMetadata struct {
	Unsupported []unsupported `yaml:"Unsupported"`
}

// unsupported is a component the template leaves out, with why and what
// to do instead, so that a deploy script can act on it after reading the
// template's Metadata (get-template-summary returns it).
type unsupported struct {
	Component string   `yaml:"Component"`
	Kind      string   `yaml:"Kind"`
	Reason    string   `yaml:"Reason"`
	Remedy    []string `yaml:"Remedy,omitempty"`
}

// parameter is one entry of Parameters. Default is `any` because it is a
// string or a number; omitempty only drops it when nil, so a default of 0
// survives. The constraint fields come straight from the model, which
// keeps them identical to the Terraform variable's validation.
type parameter struct {
	Type                  string `yaml:"Type"`
	Description           string `yaml:"Description,omitempty"`
	Default               any    `yaml:"Default,omitempty"`
	AllowedValues         []any  `yaml:"AllowedValues,omitempty"`
	AllowedPattern        string `yaml:"AllowedPattern,omitempty"`
	MinLength             int    `yaml:"MinLength,omitempty"`
	MaxLength             int    `yaml:"MaxLength,omitempty"`
	ConstraintDescription string `yaml:"ConstraintDescription,omitempty"`
}

// resource is one entry of Resources. Properties is a MapSlice because its
// order is the model's property order, which is also Terraform's argument
// order and keeps the two formats easy to compare line by line.
type resource struct {
	Type string `yaml:"Type"`
	// DeletionPolicy and UpdateReplacePolicy say what is kept when the
	// stack deletes or replaces the resource; both are set together, as
	// cfn-lint asks, or neither.
	DeletionPolicy      string `yaml:"DeletionPolicy,omitempty"`
	UpdateReplacePolicy string `yaml:"UpdateReplacePolicy,omitempty"`
	// DependsOn is a string for one dependency and a list for several,
	// as people write it.
	DependsOn  any           `yaml:"DependsOn,omitempty"`
	Properties yaml.MapSlice `yaml:"Properties,omitempty"`
}

// tag is one entry of a Tags list. Value is `any` because a Name tag is
// often a !Sub of the stack's name parameter.
type tag struct {
	Key   string `yaml:"Key"`
	Value any    `yaml:"Value"`
}

// nameValue is one entry of a list of Name/Value pairs, such as an
// alarm's Dimensions. Value is `any` because it is usually a reference.
type nameValue struct {
	Name  string `yaml:"Name"`
	Value any    `yaml:"Value"`
}

// output is one entry of Outputs. Every output is exported: the point of a
// VPC stack's outputs is that application stacks import them.
type output struct {
	Description string `yaml:"Description,omitempty"`
	Value       any    `yaml:"Value"`
	Export      export `yaml:"Export"`
}

// export is the Export block of an output.
type export struct {
	Name any `yaml:"Name"`
}
