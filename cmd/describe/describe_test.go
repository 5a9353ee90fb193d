package describe

import (
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/spf13/cobra"

	asgspotcmd "github.com/scaffold-iac/scaffold/cmd/asgspot"
	"github.com/scaffold-iac/scaffold/cmd/cmdutil"
	fanoutcmd "github.com/scaffold-iac/scaffold/cmd/fanout"
	pilotlightcmd "github.com/scaffold-iac/scaffold/cmd/pilotlight"
	vpccmd "github.com/scaffold-iac/scaffold/cmd/vpc"
	"github.com/scaffold-iac/scaffold/internal/testbundle"
)

var update = flag.Bool("update", false, "rewrite the golden descriptions in testdata/")

func blueprints() []cmdutil.Blueprint {
	return []cmdutil.Blueprint{vpccmd.Blueprint(), fanoutcmd.Blueprint(), asgspotcmd.Blueprint(), pilotlightcmd.Blueprint(), twoRegion()}
}

// twoRegion stands for a multi-stack blueprint: the test bundle, behind a
// command with the output flags every blueprint has.
func twoRegion() cmdutil.Blueprint {
	return cmdutil.Blueprint{Name: "two-region", NewBundleCmd: func(f *cmdutil.Factory, build cmdutil.BundleFunc) *cobra.Command {
		var out cmdutil.OutputOptions
		cmd := &cobra.Command{
			Use:         "two-region",
			Short:       "Two VPCs in two regions (a test bundle)",
			Annotations: map[string]string{cmdutil.BlueprintAnnotation: "true"},
			Args:        cmdutil.NoArgs,
			RunE: func(*cobra.Command, []string) error {
				b, err := testbundle.TwoRegions()
				if err != nil {
					return err
				}
				return build(b, nil)
			},
		}
		cmdutil.AddOutputFlags(cmd, &out)
		return cmd
	}}
}

func runDescribe(t *testing.T, args ...string) (string, error) {
	t.Helper()
	io, out, _ := cmdutil.TestIOStreams()
	f := &cmdutil.Factory{IO: io}
	// describe reads each blueprint's one-line summary from the root, so
	// the test builds a root like the real CLI's.
	root := &cobra.Command{Use: "scaffold", SilenceUsage: true, SilenceErrors: true}
	for _, b := range blueprints() {
		root.AddCommand(b.Command(f))
	}
	root.AddCommand(NewCmdDescribe(f, blueprints()))
	root.SetArgs(append([]string{"describe"}, args...))
	root.SetOut(out)
	err := root.Execute()
	return out.String(), err
}

// goldens are the descriptions checked in under testdata/: every
// blueprint with its defaults, and variants whose availability story or
// components differ.
func goldens() map[string][]string {
	return map[string][]string{
		"vpc":                   {"vpc"},
		"vpc-1az-single":        {"vpc", "--azs", "1", "--nat", "single", "--isolated-subnets"},
		"fanout":                {"fanout"},
		"fanout-kms-filter":     {"fanout", "--queues", "billing,audit", "--kms", "--alarm-email", "ops@example.com", "--filter", `billing={"type":["invoice"]}`},
		"asg-spot":              {"asg-spot"},
		"asg-spot-single-https": {"asg-spot", "--nat", "single", "--certificate-arn", "arn:aws:acm:us-east-1:111122223333:certificate/1234abcd-12ab-34cd-56ef-1234567890ab"},
		"two-region-bundle":     {"two-region"},
		"pilot-light":           {"pilot-light"},
		"pilot-light-dns":       {"pilot-light", "--hosted-zone-id", "Z0123456789ABCDEFGHIJ", "--domain", "app.example.com", "--db-engine", "mysql"},
	}
}

func TestGoldenDescriptions(t *testing.T) {
	schema := compileSchema(t)
	for name, args := range goldens() {
		for _, format := range []string{"text", "json"} {
			out, err := runDescribe(t, append(args, "--format", format)...)
			if err != nil {
				t.Fatalf("describe %s --format %s: %v", strings.Join(args, " "), format, err)
			}
			ext := map[string]string{"text": ".txt", "json": ".json"}[format]
			path := filepath.Join("testdata", name+ext)
			if *update {
				if err := os.WriteFile(path, []byte(out), 0o644); err != nil {
					t.Fatal(err)
				}
				continue
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run go test ./cmd/describe -update)", err)
			}
			if out != string(want) {
				t.Errorf("describe %s --format %s differs from %s (review, then go test ./cmd/describe -update)", strings.Join(args, " "), format, path)
			}
			if format == "json" {
				var doc any
				if err := json.Unmarshal([]byte(out), &doc); err != nil {
					t.Fatalf("%s: not JSON: %v", name, err)
				}
				if err := schema.Validate(doc); err != nil {
					t.Errorf("%s: does not match schemas/describe.schema.json: %v", name, err)
				}
			}
		}
	}
}

func compileSchema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	c := jsonschema.NewCompiler()
	schema, err := c.Compile(filepath.Join("..", "..", "schemas", "describe.schema.json"))
	if err != nil {
		t.Fatal(err)
	}
	return schema
}

// TestSchemaRejects proves the schema check can fail: descriptions with a
// component that gives no reason, or an unknown field, are refused.
func TestSchemaRejects(t *testing.T) {
	schema := compileSchema(t)
	out, err := runDescribe(t, "vpc", "--format", "json")
	if err != nil {
		t.Fatal(err)
	}
	mutations := map[string]func(map[string]any){
		"empty why":     func(d map[string]any) { d["components"].([]any)[0].(map[string]any)["why"] = "" },
		"unknown field": func(d map[string]any) { d["surprise"] = true },
		"no parameters": func(d map[string]any) { delete(d, "parameters") },
		"bad flag name": func(d map[string]any) { d["parameters"].([]any)[0].(map[string]any)["flag"] = "azs" },
		"negative cost": func(d map[string]any) { d["cost"].(map[string]any)["total_monthly_usd"] = -1.0 },
		"no cost":       func(d map[string]any) { delete(d, "cost") },
	}
	for name, mutate := range mutations {
		var doc map[string]any
		if err := json.Unmarshal([]byte(out), &doc); err != nil {
			t.Fatal(err)
		}
		mutate(doc)
		if err := schema.Validate(any(doc)); err == nil {
			t.Errorf("%s: the schema accepted it", name)
		}
	}
}

func TestViews(t *testing.T) {
	out, err := runDescribe(t, "fanout", "--queues", "a,b", "--diagram", "dot")
	if err != nil || !strings.HasPrefix(out, `digraph "lab" {`) || !strings.Contains(out, `"a_subscription" -> "a_queue";`) {
		t.Fatalf("dot: %v\n%s", err, out)
	}
	out, err = runDescribe(t, "vpc", "--azs", "1", "--diagram", "mermaid")
	if err != nil || !strings.HasPrefix(out, "flowchart LR\n") {
		t.Fatalf("mermaid: %v\n%s", err, out)
	}
	out, err = runDescribe(t, "vpc", "--diagram", "none")
	if err != nil || strings.Contains(out, "DIAGRAM") || !strings.Contains(out, "PURPOSE") {
		t.Fatalf("no diagram: %v\n%s", err, out)
	}
	// Flags change the description as they change the code.
	out, err = runDescribe(t, "vpc", "--azs", "3", "--nat", "single", "--format", "json")
	if err != nil {
		t.Fatal(err)
	}
	var d Description
	if err := json.Unmarshal([]byte(out), &d); err != nil {
		t.Fatal(err)
	}
	// vpc, default SG, IGW, 6 subnets, public table + route + 3
	// associations, 1 EIP + 1 NAT, 3 private tables + 3 routes + 3
	// associations, 2 endpoints, 4 flow-log parts.
	if d.Resources != 1+1+1+6+1+1+3+1+1+3+3+3+2+4 || !strings.Contains(strings.Join(d.Availability.Exposed, " "), "first zone") {
		t.Errorf("3 zones, single NAT: %d resources, exposed %q", d.Resources, d.Availability.Exposed)
	}
}

// TestBundleViews checks what only multi-stack blueprints have: stacks in
// deploy order with their inputs, stack-prefixed components, one tree per
// stack, one DOT graph with a cluster per stack, and the cost of all
// stacks added up.
func TestBundleViews(t *testing.T) {
	out, err := runDescribe(t, "two-region", "--format", "json")
	if err != nil {
		t.Fatal(err)
	}
	var d Description
	if err := json.Unmarshal([]byte(out), &d); err != nil {
		t.Fatal(err)
	}
	b, err := testbundle.TwoRegions()
	if err != nil {
		t.Fatal(err)
	}
	total := 0
	for _, s := range b.Stacks {
		total += len(s.Graph.Components)
	}
	if len(d.Stacks) != 3 || d.Stacks[2].Inputs[0] != "primary_vpc_id ← primary.vpc_id" || d.Resources != total {
		t.Errorf("stacks %+v, resources %d (want %d)", d.Stacks, d.Resources, total)
	}
	if d.Cost.Region != "us-east-1 + us-west-2" || d.Cost.TotalUSD <= 0 {
		t.Errorf("cost region %q total %v", d.Cost.Region, d.Cost.TotalUSD)
	}
	found := false
	for _, r := range d.Components {
		if r.Kind == "vpc" {
			found = len(r.IDs) == 2 && r.IDs[0] == "primary.vpc" && r.IDs[1] == "dr.vpc"
		}
	}
	if !found {
		t.Errorf("the two VPCs are not explained once: %+v", d.Components)
	}
	text, err := runDescribe(t, "two-region")
	if err != nil || strings.Count(text, "DIAGRAM OF THE ") != 3 || !strings.Contains(text, "STACKS, IN DEPLOY ORDER") {
		t.Errorf("text view: %v\n%s", err, text)
	}
	dot, err := runDescribe(t, "two-region", "--diagram", "dot")
	if err != nil || !strings.Contains(dot, `label="dr stack (us-west-2)";`) || !strings.Contains(dot, `"dr.nat_gateway_a" -> "dr.nat_eip_a";`) {
		t.Errorf("dot: %v\n%s", err, dot)
	}
}

func TestErrors(t *testing.T) {
	tests := []struct {
		args []string
		want string
	}{
		{nil, "describe needs a blueprint: vpc, fanout, asg-spot, pilot-light, two-region"},
		{[]string{"vpc", "--format", "yaml"}, `invalid value "yaml" for --format: must be one of json, text`},
		{[]string{"vpc", "--diagram", "png"}, `invalid value "png" for --diagram: must be one of ascii, dot, mermaid, none`},
		{[]string{"vpc", "--azs", "9"}, `invalid value "9" for --azs`},
		{[]string{"fanout", "--out", "x"}, ""},
	}
	for _, tt := range tests {
		_, err := runDescribe(t, tt.args...)
		if tt.want == "" {
			// Output flags are hidden but harmless: describe writes nothing.
			if err != nil {
				t.Errorf("describe %q: %v", tt.args, err)
			}
			continue
		}
		if err == nil || !strings.HasPrefix(err.Error(), tt.want) {
			t.Errorf("describe %q: error %v, want %q", tt.args, err, tt.want)
		}
	}
}

func TestCompactIDs(t *testing.T) {
	tests := map[string][]string{
		"vpc":                          {"vpc"},
		"public_subnet_{a,b,c}":        {"public_subnet_a", "public_subnet_b", "public_subnet_c"},
		"nat_eip_a":                    {"nat_eip_a"},
		"x_assoc_{a,b}, y_assoc_{a,b}": {"x_assoc_a", "x_assoc_b", "y_assoc_a", "y_assoc_b"},
		"a_dlq_policy, b_dlq_policy":   {"a_dlq_policy", "b_dlq_policy"},
	}
	for want, ids := range tests {
		if got := compactIDs(ids); got != want {
			t.Errorf("compactIDs(%q) = %q, want %q", ids, got, want)
		}
	}
}
