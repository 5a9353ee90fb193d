// Package vpc is the `scaffold vpc` command: flags in, a multi-AZ VPC in
// Terraform and/or CloudFormation out.
package vpc

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/scaffold-iac/scaffold/blueprints"
	blueprint "github.com/scaffold-iac/scaffold/blueprints/vpc"
	"github.com/scaffold-iac/scaffold/cmd/cmdutil"
	"github.com/scaffold-iac/scaffold/generators/graph"
)

// VPCOptions are the parsed flags of `scaffold vpc`.
type VPCOptions struct {
	IO      *cmdutil.IOStreams
	Factory *cmdutil.Factory
	Params  blueprint.Params
	Output  cmdutil.OutputOptions
}

// NewCmdVPC builds the command. runF replaces Run in tests of flag parsing.
func NewCmdVPC(f *cmdutil.Factory, runF func(*VPCOptions) error) *cobra.Command {
	defaults := blueprint.Defaults()
	opts := &VPCOptions{IO: f.IO, Factory: f, Params: defaults}
	var network *NetworkFlags
	cmd := &cobra.Command{
		Use:         "vpc [flags]",
		Annotations: map[string]string{cmdutil.BlueprintAnnotation: "true"},
		Short:       "Multi-AZ VPC: public/private(/isolated) subnets, NAT, endpoints, flow logs",
		Long: `Generate a VPC spread over several Availability Zones: a public and a private subnet
in every zone (plus an isolated one with --isolated-subnets), an internet gateway, NAT
gateways (one per zone by default), route tables, free S3/DynamoDB gateway endpoints,
flow logs to CloudWatch Logs and a default security group with every rule removed.

Subnet CIDRs are planned here and written as literals, on a fixed grid: adding a zone
or a tier later never moves an existing subnet.`,
		Example: `  # two zones, Terraform only
  scaffold vpc --azs 2 --format terraform --out ./lab-vpc

  # three zones, one NAT gateway to save cost, a database tier, both formats
  scaffold vpc --azs 3 --nat single --isolated-subnets --out ./vpc3

  # see the CIDR plan and the files without writing anything
  scaffold vpc --dry-run`,
		Args: cmdutil.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			network.Apply(cmd)
			if runF != nil {
				return runF(opts)
			}
			return Run(opts)
		},
	}
	network = AddNetworkFlags(cmd, &opts.Params)
	cmd.Flags().BoolVar(&opts.Params.Isolated, "isolated-subnets", false, "add a third subnet tier with no internet route, e.g. for databases")
	cmdutil.SetValid(cmd, map[string]string{"isolated-subnets": "true, false"})
	cmdutil.AddOutputFlags(cmd, &opts.Output)
	return cmd
}

// Blueprint describes the command for compare and describe.
func Blueprint() cmdutil.Blueprint {
	return cmdutil.Blueprint{Name: "vpc", NewCmd: func(f *cmdutil.Factory, build cmdutil.GraphFunc) *cobra.Command {
		if build == nil {
			return NewCmdVPC(f, nil)
		}
		return NewCmdVPC(f, func(o *VPCOptions) error {
			g, warnings, err := Graph(o)
			if err != nil {
				return err
			}
			return build(g, warnings)
		})
	}}
}

// Run validates the flags, builds the VPC and hands it to the shared
// generate-and-write pipeline.
func Run(opts *VPCOptions) error {
	g, warnings, err := Graph(opts)
	if err != nil {
		return err
	}
	return cmdutil.Generate(opts.Factory, g, opts.Output, warnings, summary(g))
}

// Graph turns the parsed flags into the VPC graph and its warnings; compare
// uses it too.
func Graph(opts *VPCOptions) (*graph.Graph, []string, error) {
	tags, err := blueprints.ParseTags(opts.Output.Tags)
	if err != nil {
		return nil, nil, err
	}
	opts.Params.Tags = tags
	g, err := blueprint.Build(opts.Params)
	if err != nil {
		return nil, nil, err
	}
	return g, opts.Params.Warnings(), nil
}

func summary(g *graph.Graph) string {
	counts := map[graph.Kind]int{}
	for _, c := range g.Components {
		counts[c.Kind]++
	}
	plural := func(n int, noun string) string {
		if n == 1 {
			return fmt.Sprintf("1 %s", noun)
		}
		return fmt.Sprintf("%d %ss", n, noun)
	}
	parts := []string{
		plural(counts[graph.KindSubnet], "subnet"),
		plural(counts[graph.KindNATGateway], "NAT gateway"),
		plural(counts[graph.KindRouteTable], "route table"),
		plural(counts[graph.KindVPCGatewayEndpoint], "gateway endpoint"),
	}
	if counts[graph.KindFlowLog] > 0 {
		parts = append(parts, "flow logs on")
	} else {
		parts = append(parts, "flow logs off")
	}
	return strings.Join(parts, ", ")
}
