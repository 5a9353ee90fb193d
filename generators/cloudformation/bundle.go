package cloudformation

import (
	"bytes"
	"errors"
	"fmt"
	"path"
	"regexp"
	"slices"
	"strings"
	texttemplate "text/template"

	"github.com/scaffold-iac/scaffold/generators"
	"github.com/scaffold-iac/scaffold/generators/graph"
	"github.com/scaffold-iac/scaffold/templates"
)

// Dir is the directory, relative to the output root, of the templates and
// scripts.
const Dir = "cloudformation"

// The scripts GenerateBundle writes beside the templates.
const (
	DeployScript  = "deploy.sh"
	DestroyScript = "destroy.sh"
)

var _ generators.BundleGenerator = (*Generator)(nil)

var (
	// stackPrefix is what CloudFormation accepts at the start of a stack
	// name; the bundle's name becomes the default prefix.
	stackPrefix = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9-]*$`)
	// regionCode is the shape of an AWS Region code, as the Terraform
	// generator checks it.
	regionCode = regexp.MustCompile(`^[a-z]{2}(-gov)?-[a-z]+-[0-9]$`)
	// shellName is what a script variable named after an output may look
	// like.
	shellName = regexp.MustCompile(`^[a-z][a-z0-9_]*$`)
)

// maxStackName is CloudFormation's limit on stack names.
const maxStackName = 128

// GenerateBundle renders a bundle as one template per stack,
// cloudformation/<stack>.yaml, plus deploy.sh and destroy.sh, which
// deploy the stacks in order (and delete them in reverse) with the aws CLI.
//
// CloudFormation has no way to pass values between stacks in different
// regions (exports are regional), so deploy.sh does it: after a stack is
// deployed it reads the outputs later stacks need with describe-stacks and
// passes them with --parameter-overrides. Every resource carries the
// stack's tags as graph.Bundle.StackTags gives them, the same tags the
// Terraform generator puts on the stack's provider, and each wired
// parameter's description says where its value comes from.
func (*Generator) GenerateBundle(b *graph.Bundle) ([]generators.File, error) {
	if b == nil {
		return nil, errors.New("render CloudFormation: no bundle")
	}
	if err := b.Validate(); err != nil {
		return nil, fmt.Errorf("render CloudFormation for bundle %q: %w", b.Name, err)
	}
	files, err := bundleFiles(b)
	if err != nil {
		return nil, fmt.Errorf("render CloudFormation for bundle %q: %w", b.Name, err)
	}
	generators.SortFiles(files)
	return files, nil
}

// bundleFiles renders the templates and scripts, reporting every stack's
// problems together.
func bundleFiles(b *graph.Bundle) ([]generators.File, error) {
	var errs []error
	if !stackPrefix.MatchString(b.Name) {
		errs = append(errs, fmt.Errorf("name %q cannot start a stack name: use letters, digits and hyphens, starting with a letter", b.Name))
	}
	// The blueprint's name reaches the scripts' comments, where a newline
	// would end the comment; the single-template rule keeps it one word.
	if b.Blueprint != "" && !blueprintName.MatchString(b.Blueprint) {
		errs = append(errs, fmt.Errorf("blueprint name %q is not a lowercase name", b.Blueprint))
	}
	var files []generators.File
	for i := range b.Stacks {
		s := &b.Stacks[i]
		if n := len(b.Name) + 1 + len(s.Name); n > maxStackName {
			errs = append(errs, fmt.Errorf("stack %q: its stack name %q is %d characters, more than CloudFormation's %d", s.Name, b.Name+"-"+s.Name, n, maxStackName))
		}
		if !regionCode.MatchString(s.Graph.Region) {
			errs = append(errs, fmt.Errorf("stack %q: default region %q is not an AWS Region code such as \"us-east-1\"", s.Name, s.Graph.Region))
		}
		content, err := stackTemplate(b, s)
		if err != nil {
			errs = append(errs, fmt.Errorf("stack %q: %w", s.Name, err))
			continue
		}
		files = append(files, generators.File{Path: path.Join(Dir, s.Name+".yaml"), Content: content})
	}
	data, err := newScriptData(b)
	if err != nil {
		errs = append(errs, err)
	}
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	for _, script := range []struct{ name, template string }{
		{DeployScript, "cfn-deploy.sh.tmpl"},
		{DestroyScript, "cfn-destroy.sh.tmpl"},
	} {
		content, err := renderScript(script.template, data)
		if err != nil {
			return nil, err
		}
		// Executable, so that the README's ./cloudformation/deploy.sh works.
		files = append(files, generators.File{Path: path.Join(Dir, script.name), Content: content, Mode: 0o755})
	}
	return files, nil
}

// stackTemplate renders one stack's graph as Generate renders a graph, on
// a copy that carries the stack's tags and says, in each wired parameter's
// description, which output fills it.
func stackTemplate(b *graph.Bundle, s *graph.Stack) ([]byte, error) {
	g := *s.Graph
	g.Tags = b.StackTags(s.Name)
	g.Parameters = slices.Clone(s.Graph.Parameters)
	for i := range g.Parameters {
		p := &g.Parameters[i]
		in := s.Input(p.Name)
		if in == nil {
			continue
		}
		source := fmt.Sprintf("deploy.sh passes output %s of stack %s.", PascalCase(in.Output), in.Stack)
		p.Description = strings.TrimSpace(p.Description + " " + source)
	}
	t, comments, err := build(&g)
	if err != nil {
		return nil, err
	}
	content, err := marshal(t, comments)
	if err != nil {
		return nil, fmt.Errorf("encode template: %w", err)
	}
	return content, nil
}

// scriptData is what the deploy and destroy templates read.
type scriptData struct {
	// Prefix is the default stack name prefix, the bundle's name.
	Prefix    string
	Blueprint string
	Stacks    []scriptStack
	// Reverse is Stacks in teardown order.
	Reverse []scriptStack
	// Optional lists, one line per stack, the environment variables that
	// set the stack's unwired parameters.
	Optional []string
	// width is the column where environment variable descriptions start.
	width int
}

// scriptStack is one stack as the scripts deploy it.
type scriptStack struct {
	// Number is the stack's place in deploy order, from 1.
	Number int
	Name   string
	// RegionVar is the script variable holding the stack's region,
	// RegionEnv the environment variable that overrides Region.
	RegionVar, RegionEnv, Region string
	Template                     string
	// Capabilities is the --capabilities value, or empty.
	Capabilities string
	// Parameters are filled from earlier stacks' outputs.
	Parameters []scriptParameter
	// Optional are the other parameters, set from the environment when
	// the user sets them.
	Optional []scriptOptional
	// Outputs are read after the deploy because later stacks need them.
	Outputs []scriptOutput
}

// scriptParameter is one --parameter-overrides entry.
type scriptParameter struct {
	// Name is the template's parameter; Variable the script variable
	// holding the value, read from stack FromStack.
	Name, Variable, FromStack string
}

// scriptOptional is a parameter that an environment variable may set.
type scriptOptional struct {
	Env, Key string
}

// scriptOutput is one output read into a script variable.
type scriptOutput struct {
	Key, Variable string
}

// Pad returns the spaces that align text after an environment variable's
// name in the scripts' header comment.
func (d *scriptData) Pad(name string) string {
	return strings.Repeat(" ", max(d.width-len(name), 1))
}

// newScriptData resolves names for the scripts. A wired output is read
// into the variable <stack>_<output>, once, right after its stack is
// deployed; every other parameter can be set from the environment variable
// <STACK>_<PARAMETER>, the Terraform variable's name in upper case.
func newScriptData(b *graph.Bundle) (*scriptData, error) {
	d := &scriptData{Prefix: b.Name, Blueprint: b.Blueprint, width: len("AWS_ENDPOINT_URL") + 2}
	index := make(map[string]int, len(b.Stacks))
	var errs []error
	// The environment variables the scripts read, each claimed once: a
	// parameter called "region" would otherwise be its stack's region.
	environment := map[string]string{"STACK_PREFIX": "the stack name prefix", "AWS_ENDPOINT_URL": "the endpoint"}
	for _, s := range b.Stacks {
		environment[strings.ToUpper(s.Name)+"_REGION"] = fmt.Sprintf("the region of stack %q", s.Name)
	}
	for i := range b.Stacks {
		s := &b.Stacks[i]
		index[s.Name] = i
		stack := scriptStack{
			Number:       i + 1,
			Name:         s.Name,
			RegionVar:    s.Name + "_region",
			RegionEnv:    strings.ToUpper(s.Name) + "_REGION",
			Region:       s.Graph.Region,
			Template:     s.Name + ".yaml",
			Capabilities: capabilities(s.Graph),
		}
		d.width = max(d.width, len(stack.RegionEnv)+2)
		var optional []string
		for _, p := range s.Graph.Parameters {
			if s.Input(p.Name) != nil {
				continue
			}
			env := strings.ToUpper(s.Name + "_" + p.Name)
			if !shellName.MatchString(p.Name) {
				errs = append(errs, fmt.Errorf("stack %q parameter %q: the name must be snake_case to name an environment variable", s.Name, p.Name))
				continue
			}
			if owner, ok := environment[env]; ok {
				errs = append(errs, fmt.Errorf("stack %q parameter %q: its environment variable %s is already %s", s.Name, p.Name, env, owner))
				continue
			}
			environment[env] = fmt.Sprintf("parameter %q of stack %q", p.Name, s.Name)
			stack.Optional = append(stack.Optional, scriptOptional{Env: env, Key: PascalCase(p.Name)})
			optional = append(optional, env)
		}
		if len(optional) > 0 {
			d.Optional = append(d.Optional, strings.Join(optional, " "))
		}
		for _, in := range s.Inputs {
			if !shellName.MatchString(in.Output) || in.Output == "region" {
				errs = append(errs, fmt.Errorf("stack %q input %q: output %q cannot name a script variable: it must be snake_case and not \"region\"", s.Name, in.Parameter, in.Output))
				continue
			}
			variable := in.Stack + "_" + in.Output
			stack.Parameters = append(stack.Parameters, scriptParameter{Name: PascalCase(in.Parameter), Variable: variable, FromStack: in.Stack})
			from := &d.Stacks[index[in.Stack]]
			read := scriptOutput{Key: PascalCase(in.Output), Variable: variable}
			if !slices.Contains(from.Outputs, read) {
				from.Outputs = append(from.Outputs, read)
			}
		}
		d.Stacks = append(d.Stacks, stack)
	}
	d.Reverse = slices.Clone(d.Stacks)
	slices.Reverse(d.Reverse)
	return d, errors.Join(errs...)
}

// capabilities is the acknowledgement a stack with IAM resources needs:
// CAPABILITY_NAMED_IAM when one of them is given a name (which also covers
// unnamed ones), CAPABILITY_IAM when none is, nothing without IAM.
func capabilities(g *graph.Graph) string {
	capability := ""
	for i := range g.Components {
		c := &g.Components[i]
		if !strings.HasPrefix(string(c.Kind), "iam_") {
			continue
		}
		capability = "CAPABILITY_IAM"
		named := c.Kind == graph.KindIAMRole || c.Kind == graph.KindIAMInstanceProfile
		if named && c.Property("name") != nil {
			return "CAPABILITY_NAMED_IAM"
		}
	}
	return capability
}

// renderScript executes one script template. Missing keys are errors, so
// a template edit that reads a field the data lacks fails here rather than
// printing "<no value>" into a script.
func renderScript(name string, data *scriptData) ([]byte, error) {
	tmpl, err := texttemplate.New(name).Option("missingkey=error").ParseFS(templates.FS, name, "cfn-common.sh.tmpl")
	if err != nil {
		return nil, fmt.Errorf("loading %s: %w", name, err)
	}
	var buf bytes.Buffer
	if err := tmpl.Execute(&buf, data); err != nil {
		return nil, fmt.Errorf("rendering %s: %w", name, err)
	}
	return buf.Bytes(), nil
}
