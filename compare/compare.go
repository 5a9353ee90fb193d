// Package compare lines up the Terraform and the CloudFormation of one
// architecture component by component. Both sides come from the real
// generators, and the component IDs of the shared model are what aligns
// them: a component's Terraform resource address and CloudFormation logical
// IDs are derived from its ID by the generators' own naming rules.
//
// compare imports the model and the two IaC generators; it must not import
// blueprints or cmd.
package compare

import (
	"fmt"
	"strings"

	"github.com/scaffold-iac/scaffold/generators"
	"github.com/scaffold-iac/scaffold/generators/cloudformation"
	"github.com/scaffold-iac/scaffold/generators/graph"
	"github.com/scaffold-iac/scaffold/generators/terraform"
)

// Block is one rendered resource: its address (Terraform) or logical ID
// (CloudFormation), its type, and its source text with the comment lines
// that precede it.
type Block struct {
	Address string
	Type    string
	Text    string
}

// Row is one component and what each format made of it.
type Row struct {
	ID    string
	Label string
	Kind  graph.Kind
	Group string
	// Terraform and CloudFormation hold the component's resources; either
	// may be empty, and then Note says why.
	Terraform      []Block
	CloudFormation []Block
	Note           string
}

// Difference is a concept worth knowing when moving between the formats.
type Difference struct {
	Topic, Terraform, CloudFormation string
}

// Summary totals the two sides.
type Summary struct {
	TerraformResources, CloudFormationResources int
	// TerraformLines and CloudFormationLines count the non-blank lines of
	// every generated file of the format.
	TerraformLines, CloudFormationLines int
	// Uneven lists the components that are not one resource on each side.
	Uneven []string
	// Differences are the concept differences that apply to this graph.
	Differences []Difference
}

// Comparison is the whole side-by-side view of one graph.
type Comparison struct {
	Name, Blueprint, Region string
	Rows                    []Row
	Summary                 Summary
}

// Build renders g with both generators and aligns the results.
func Build(g *graph.Graph) (*Comparison, error) {
	tfFiles, err := terraform.New().Generate(g)
	if err != nil {
		return nil, fmt.Errorf("rendering Terraform: %w", err)
	}
	cfnFiles, err := cloudformation.New().Generate(g)
	if err != nil {
		return nil, fmt.Errorf("rendering CloudFormation: %w", err)
	}
	tfBlocks, tfOrder := terraformBlocks(fileContent(tfFiles, "terraform/main.tf"))
	var template string
	for _, f := range cfnFiles {
		template = string(f.Content)
	}
	cfnBlocks, cfnOrder := cloudFormationBlocks(template)

	c := &Comparison{Name: g.Name, Blueprint: g.Blueprint, Region: g.Region}
	for i := range g.Components {
		comp := &g.Components[i]
		row := Row{ID: comp.ID, Label: comp.Label, Kind: comp.Kind, Group: comp.Group}
		if address, ok := terraform.Address(comp); ok {
			if b, ok := tfBlocks[address]; ok {
				row.Terraform = append(row.Terraform, b)
			}
		}
		for _, id := range cloudformation.LogicalIDs(comp) {
			if b, ok := cfnBlocks[id]; ok {
				row.CloudFormation = append(row.CloudFormation, b)
			}
		}
		if len(row.CloudFormation) == 0 {
			if m, ok := cloudformation.MappingFor(comp.Kind); ok {
				switch {
				case m.Unsupported != "":
					row.Note = m.Unsupported
				case m.MergeInto != nil:
					row.Note = m.MergeInto.Reason
				}
			}
		}
		if len(row.Terraform) != 1 || len(row.CloudFormation) != 1 {
			c.Summary.Uneven = append(c.Summary.Uneven, unevenLine(row))
		}
		c.Rows = append(c.Rows, row)
	}
	c.Summary.TerraformResources = len(tfOrder)
	c.Summary.CloudFormationResources = len(cfnOrder)
	c.Summary.TerraformLines = countLines(tfFiles)
	c.Summary.CloudFormationLines = countLines(cfnFiles)
	c.Summary.Differences = differences(g)
	return c, nil
}

func fileContent(files []generators.File, path string) string {
	for _, f := range files {
		if f.Path == path {
			return string(f.Content)
		}
	}
	return ""
}

func countLines(files []generators.File) int {
	n := 0
	for _, f := range files {
		for _, line := range strings.Split(string(f.Content), "\n") {
			if strings.TrimSpace(line) != "" {
				n++
			}
		}
	}
	return n
}

func unevenLine(r Row) string {
	types := func(blocks []Block) string {
		if len(blocks) == 0 {
			return "nothing"
		}
		var names []string
		for _, b := range blocks {
			names = append(names, b.Type)
		}
		return strings.Join(names, " + ")
	}
	return fmt.Sprintf("%s: %s ↔ %s", r.Label, types(r.Terraform), types(r.CloudFormation))
}

// terraformBlocks splits main.tf into resource blocks keyed by address,
// each with the comment lines directly above it. The generator formats the
// file canonically, so a block ends at the first "}" in column 0.
func terraformBlocks(src string) (map[string]Block, []string) {
	blocks := map[string]Block{}
	var order []string
	lines := strings.Split(src, "\n")
	for i := 0; i < len(lines); i++ {
		fields := strings.Fields(lines[i])
		if len(fields) < 3 || fields[0] != "resource" {
			continue
		}
		typ, name := strings.Trim(fields[1], `"`), strings.Trim(fields[2], `"`)
		start := i
		for start > 0 && strings.HasPrefix(lines[start-1], "#") {
			start--
		}
		end := i
		for end < len(lines) && lines[end] != "}" {
			end++
		}
		address := typ + "." + name
		blocks[address] = Block{Address: address, Type: typ, Text: strings.Join(lines[start:min(end+1, len(lines))], "\n")}
		order = append(order, address)
		i = end
	}
	return blocks, order
}

// cloudFormationBlocks splits a template's Resources section into one
// block per logical ID, dedented by two spaces, each with the comment lines
// directly above it.
func cloudFormationBlocks(src string) (map[string]Block, []string) {
	blocks := map[string]Block{}
	var order []string
	lines := strings.Split(src, "\n")
	in := false
	for i := 0; i < len(lines); i++ {
		line := lines[i]
		if !strings.HasPrefix(line, " ") && strings.TrimSpace(line) != "" && !strings.HasPrefix(line, "#") {
			in = line == "Resources:"
			continue
		}
		if !in || !strings.HasPrefix(line, "  ") || strings.HasPrefix(line, "   ") || strings.HasPrefix(line, "  #") || !strings.HasSuffix(line, ":") {
			continue
		}
		id := strings.TrimSuffix(strings.TrimSpace(line), ":")
		start := i
		for start > 0 && strings.HasPrefix(lines[start-1], "  #") {
			start--
		}
		end := i + 1
		for end < len(lines) && (strings.HasPrefix(lines[end], "   ") || strings.TrimSpace(lines[end]) == "") {
			end++
		}
		for end > i+1 && strings.TrimSpace(lines[end-1]) == "" {
			end--
		}
		body := lines[start:end]
		typ := ""
		for _, l := range body {
			if t, ok := strings.CutPrefix(strings.TrimSpace(l), "Type: "); ok {
				typ = t
				break
			}
		}
		dedented := make([]string, len(body))
		for k, l := range body {
			dedented[k] = strings.TrimPrefix(l, "  ")
		}
		blocks[id] = Block{Address: id, Type: typ, Text: strings.Join(dedented, "\n")}
		order = append(order, id)
		i = end - 1
	}
	return blocks, order
}

// differences lists the concept differences that apply to g, in words a
// learner of either tool can use.
func differences(g *graph.Graph) []Difference {
	d := []Difference{
		{"State", "A state file (local, or an S3 backend with locking) records what exists; plan compares it with the code.", "The stack is the state: CloudFormation tracks the resources it created, and change sets preview updates."},
		{"References", "Attributes of other resources: aws_vpc.main.id, aws_sqs_queue.x.arn.", "!Ref Logical for the primary identifier, !GetAtt Logical.Attribute for the others, !Sub for strings."},
		{"Inputs", "variable blocks with type, description and validation; values from -var, tfvars or defaults.", "Parameters with Type, AllowedValues/AllowedPattern and ConstraintDescription; values at stack creation."},
		{"Tags", "provider default_tags apply the common tags to every resource; only Name is set per resource.", "Tags are listed on every resource (stack-level tags also propagate when given at deploy time)."},
	}
	if g.Uses(func(v graph.Value) bool { _, ok := v.(graph.AZ); return ok }) {
		d = append(d, Difference{"Availability Zones", "data.aws_availability_zones lists the region's zones at plan time.", "!Select [i, !GetAZs ''] picks the i-th zone at deploy time."})
	}
	if g.Uses(func(v graph.Value) bool { _, ok := v.(graph.Pseudo); return ok }) {
		d = append(d, Difference{"Account, region, partition", "Data sources: aws_caller_identity, aws_region, aws_partition.", "Pseudo parameters: AWS::AccountId, AWS::Region, AWS::Partition."})
	}
	if g.Uses(func(v graph.Value) bool { _, ok := v.(graph.Document); return ok }) {
		d = append(d, Difference{"Policy documents", "jsonencode({...}) keeps references live inside the JSON.", "Policies are plain YAML mappings inside the resource."})
	}
	d = append(d, Difference{"Repetition", "Per-zone resources are written out one by one here so each lines up with its CloudFormation twin; Terraform could also use for_each over a map of zones.", "No loops in plain templates: every resource is written out (Fn::ForEach needs the LanguageExtensions transform)."})
	return d
}
