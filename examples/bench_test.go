package examples

import (
	"fmt"
	"testing"

	"github.com/scaffold-iac/scaffold/blueprints/asgspot"
	"github.com/scaffold-iac/scaffold/blueprints/fanout"
	"github.com/scaffold-iac/scaffold/blueprints/pilotlight"
	blueprint "github.com/scaffold-iac/scaffold/blueprints/vpc"
	"github.com/scaffold-iac/scaffold/cmd/cmdutil"
	"github.com/scaffold-iac/scaffold/cmd/root"
	"github.com/scaffold-iac/scaffold/generators"
	"github.com/scaffold-iac/scaffold/generators/cloudformation"
	"github.com/scaffold-iac/scaffold/generators/cost"
	"github.com/scaffold-iac/scaffold/generators/terraform"
)

// BenchmarkRenderVPC measures building the default VPC graph and rendering
// it to Terraform, CloudFormation and the README, all in memory: the CPU
// cost of one `scaffold vpc` minus process start-up, schema checks and disk.
func BenchmarkRenderVPC(b *testing.B) {
	cases := []struct {
		name   string
		params func() blueprint.Params
	}{
		{"2az-per-az", blueprint.Defaults},
		{"6az-isolated", func() blueprint.Params {
			p := blueprint.Defaults()
			p.AZs = 6
			p.Isolated = true
			return p
		}},
	}
	gens := []generators.Generator{terraform.New(), cloudformation.New()}
	for _, c := range cases {
		b.Run(c.name, func(b *testing.B) {
			p := c.params()
			b.ReportAllocs()
			for b.Loop() {
				g, err := blueprint.Build(p)
				if err != nil {
					b.Fatal(err)
				}
				if _, err := cmdutil.Render(g, gens, cost.DefaultAssumptions()); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkRenderFanout measures the notes' three-queue fan-out and a
// twenty-queue one (the largest --queues allows), both formats and README.
func BenchmarkRenderFanout(b *testing.B) {
	gens := []generators.Generator{terraform.New(), cloudformation.New()}
	for _, n := range []int{3, 20} {
		b.Run(fmt.Sprintf("%dqueues", n), func(b *testing.B) {
			p := fanout.Defaults()
			p.Queues = nil
			for i := 0; i < n; i++ {
				p.Queues = append(p.Queues, fmt.Sprintf("consumer-%d", i))
			}
			b.ReportAllocs()
			for b.Loop() {
				g, err := fanout.Build(p)
				if err != nil {
					b.Fatal(err)
				}
				if _, err := cmdutil.Render(g, gens, cost.DefaultAssumptions()); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkRenderASGSpot measures the default web tier (VPC included, 47
// resources) in both formats, with the README and the CodeDeploy revision.
func BenchmarkRenderASGSpot(b *testing.B) {
	gens := []generators.Generator{terraform.New(), cloudformation.New()}
	p := asgspot.Defaults()
	b.ReportAllocs()
	for b.Loop() {
		g, err := asgspot.Build(p)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := cmdutil.Render(g, gens, cost.DefaultAssumptions()); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkDescribe is `scaffold describe` minus process start: build the
// graph, estimate its cost, and render the text view with its tree and the
// JSON view, for each blueprint's defaults.
func BenchmarkDescribe(b *testing.B) {
	for _, args := range [][]string{{"vpc"}, {"fanout"}, {"asg-spot"}} {
		b.Run(args[0], func(b *testing.B) {
			f, out, _ := factory()
			b.ReportAllocs()
			for b.Loop() {
				for _, format := range []string{"text", "json"} {
					out.Reset()
					cmd := root.NewCmdRoot(f)
					cmd.SetArgs(append([]string{"describe"}, append(args, "--format", format)...))
					if err := cmd.Execute(); err != nil {
						b.Fatal(err)
					}
				}
			}
		})
	}
}

// BenchmarkCostEstimate prices the default web tier, the largest graph.
func BenchmarkCostEstimate(b *testing.B) {
	g, err := asgspot.Build(asgspot.Defaults())
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := cost.Of(g, cost.DefaultAssumptions()); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkRenderPilotLight renders the largest blueprint, a bundle of
// three stacks in two regions, in both formats with its README and
// runbook.
func BenchmarkRenderPilotLight(b *testing.B) {
	gens, err := cmdutil.BundleGenerators([]generators.Generator{terraform.New(), cloudformation.New()})
	if err != nil {
		b.Fatal(err)
	}
	p := pilotlight.Defaults()
	b.ReportAllocs()
	for b.Loop() {
		bundle, err := pilotlight.Build(p)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := cmdutil.RenderBundle(bundle, gens, cost.DefaultAssumptions()); err != nil {
			b.Fatal(err)
		}
	}
}
