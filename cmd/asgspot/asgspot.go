// Package asgspot is the `scaffold asg-spot` command: a web tier on an
// Auto Scaling group mixing On-Demand and Spot behind a load balancer, with
// CodeDeploy, in its own VPC.
package asgspot

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/scaffold-iac/scaffold/blueprints"
	blueprint "github.com/scaffold-iac/scaffold/blueprints/asgspot"
	"github.com/scaffold-iac/scaffold/cmd/cmdutil"
	vpccmd "github.com/scaffold-iac/scaffold/cmd/vpc"
	"github.com/scaffold-iac/scaffold/generators/graph"
)

// ASGSpotOptions are the parsed flags of `scaffold asg-spot`.
type ASGSpotOptions struct {
	IO      *cmdutil.IOStreams
	Factory *cmdutil.Factory
	Params  blueprint.Params
	Output  cmdutil.OutputOptions
}

// NewCmdASGSpot builds the command. runF replaces Run in tests.
func NewCmdASGSpot(f *cmdutil.Factory, runF func(*ASGSpotOptions) error) *cobra.Command {
	defaults := blueprint.Defaults()
	opts := &ASGSpotOptions{IO: f.IO, Factory: f, Params: defaults}
	var network *vpccmd.NetworkFlags
	cmd := &cobra.Command{
		Use:         "asg-spot [flags]",
		Annotations: map[string]string{cmdutil.BlueprintAnnotation: "true"},
		Short:       "Auto Scaling group mixing On-Demand and Spot behind an ALB, with CodeDeploy",
		Long: `Generate a web tier: EC2 instances in private subnets, launched from a launch template
(Amazon Linux 2023 from its SSM parameter, IMDSv2 only, encrypted gp3, Session Manager
instead of SSH) by an Auto Scaling group that keeps an On-Demand base and fills the rest
with Spot across several instance types; an Application Load Balancer in the public
subnets; CPU target tracking; and a CodeDeploy application with the appspec.yml,
hook scripts and buildspec.yml of a first revision under app/.

The network is the vpc blueprint: the same --azs, --cidr, --nat and flow log flags.`,
		Example: `  # the notes' example: 2 On-Demand as a base, the rest mostly Spot from three types
  scaffold asg-spot --azs 2 --on-demand-base 2 --on-demand-percent 20 \
    --instance-types m5.xlarge,m5a.xlarge,m6i.xlarge --min 2 --max 20 --desired 4 --target-cpu 60

  # Graviton (arm64), with HTTPS and a weekday morning scale-out
  scaffold asg-spot --instance-types m7g.large,m6g.large,c7g.large \
    --certificate-arn arn:aws:acm:us-east-1:111122223333:certificate/1234abcd-12ab-34cd-56ef-1234567890ab \
    --schedule 'scale-out=0 8 * * MON-FRI:desired=4'`,
		Args: cmdutil.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			network.Apply(cmd)
			if runF != nil {
				return runF(opts)
			}
			return Run(opts)
		},
	}
	network = vpccmd.AddNetworkFlags(cmd, &opts.Params.Network)
	flags := cmd.Flags()
	flags.StringSliceVar(&opts.Params.InstanceTypes, "instance-types", defaults.InstanceTypes, "1 to 20 instance types of one architecture, comma-separated (several give Spot more pools)")
	flags.IntVar(&opts.Params.OnDemandBase, "on-demand-base", defaults.OnDemandBase, "instances that are always On-Demand")
	flags.IntVar(&opts.Params.OnDemandPercent, "on-demand-percent", defaults.OnDemandPercent, "percentage of On-Demand above the base (the rest is Spot)")
	flags.StringVar(&opts.Params.SpotStrategy, "spot-strategy", defaults.SpotStrategy, "Spot allocation: price-capacity-optimized, capacity-optimized or lowest-price")
	flags.IntVar(&opts.Params.Min, "min", defaults.Min, "minimum instances")
	flags.IntVar(&opts.Params.Max, "max", defaults.Max, "maximum instances")
	flags.IntVar(&opts.Params.Desired, "desired", defaults.Desired, "instances at launch")
	flags.IntVar(&opts.Params.TargetCPU, "target-cpu", defaults.TargetCPU, "average CPU percentage target tracking keeps")
	flags.StringArrayVar(&opts.Params.Schedules, "schedule", nil, "scheduled scaling NAME=CRON:desired=N in UTC, e.g. 'scale-out=0 8 * * MON-FRI:desired=6' (repeatable)")
	flags.StringVar(&opts.Params.CertificateARN, "certificate-arn", "", "ACM certificate for HTTPS (then HTTP redirects to HTTPS)")
	flags.StringVar(&opts.Params.DeploymentConfig, "deployment-config", defaults.DeploymentConfig, "CodeDeploy: OneAtATime, HalfAtATime or AllAtOnce")
	flags.IntVar(&opts.Params.HealthCheckGrace, "health-check-grace", defaults.HealthCheckGrace, "seconds a new instance has before health checks count")
	flags.IntVar(&opts.Params.RootVolumeGiB, "root-volume", defaults.RootVolumeGiB, "encrypted gp3 root volume size in GiB")
	flags.StringVar(&opts.Params.ArtifactBucket, "artifact-bucket", "", "S3 bucket holding CodeDeploy revisions; the instances get read access to its objects")
	cmdutil.AddOutputFlags(cmd, &opts.Output)
	cmdutil.SetValid(cmd, map[string]string{
		"azs":                "2 to the region's zone count (a load balancer needs two zones)",
		"nat":                "per-az, single (instances need outbound HTTPS)",
		"instance-types":     "1 to 20 types of one architecture from the built-in general-purpose, compute and memory families",
		"on-demand-base":     "0 to --max",
		"on-demand-percent":  "0 to 100",
		"spot-strategy":      strings.Join(blueprint.SpotStrategies(), ", "),
		"min":                "0 to --max",
		"max":                "1 to 1000",
		"desired":            "--min to --max",
		"target-cpu":         "10 to 90",
		"schedule":           "NAME=MIN HOUR DOM MON DOW:desired=N, in UTC, desired within --min and --max; names unique",
		"certificate-arn":    "an ACM certificate ARN in --region, or empty for HTTP only",
		"deployment-config":  strings.Join(blueprint.DeploymentConfigs(), ", "),
		"health-check-grace": "0 to 7200 seconds",
		"root-volume":        "8 to 16384 GiB",
		"artifact-bucket":    "an S3 bucket name (3-63 lowercase letters, digits, dots, hyphens), or empty",
	})
	return cmd
}

// Blueprint describes the command for compare and describe.
func Blueprint() cmdutil.Blueprint {
	return cmdutil.Blueprint{Name: "asg-spot", NewCmd: func(f *cmdutil.Factory, build cmdutil.GraphFunc) *cobra.Command {
		if build == nil {
			return NewCmdASGSpot(f, nil)
		}
		return NewCmdASGSpot(f, func(o *ASGSpotOptions) error {
			g, err := Graph(o)
			if err != nil {
				return err
			}
			return build(g, o.Params.Warnings())
		})
	}}
}

// Run validates the flags, builds the web tier and hands it to the shared
// generate-and-write pipeline.
func Run(opts *ASGSpotOptions) error {
	g, err := Graph(opts)
	if err != nil {
		return err
	}
	p := opts.Params
	at := func(n int) string {
		s := blueprint.SplitAt(n, p.OnDemandBase, p.OnDemandPercent)
		return fmt.Sprintf("%d On-Demand + %d Spot", s.OnDemand, s.Spot)
	}
	summary := fmt.Sprintf("min %s, desired %s, max %s", at(p.Min), at(p.Desired), at(p.Max))
	return cmdutil.Generate(opts.Factory, g, opts.Output, p.Warnings(), summary)
}

// Graph turns the parsed flags into the web tier's graph; compare uses it
// too.
func Graph(opts *ASGSpotOptions) (*graph.Graph, error) {
	tags, err := blueprints.ParseTags(opts.Output.Tags)
	if err != nil {
		return nil, err
	}
	opts.Params.Network.Tags = tags
	return blueprint.Build(opts.Params)
}
