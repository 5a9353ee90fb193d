// Package pilotlight is the `scaffold pilot-light` command: pilot-light
// disaster recovery across two regions, rendered as a bundle of stacks.
//
// It is a multi-stack cmdutil.Blueprint: describe explains every stack;
// compare, which lines up one template with one root module, leaves it out.
package pilotlight

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/scaffold-iac/scaffold/blueprints"
	blueprint "github.com/scaffold-iac/scaffold/blueprints/pilotlight"
	"github.com/scaffold-iac/scaffold/blueprints/vpc"
	"github.com/scaffold-iac/scaffold/cmd/cmdutil"
	"github.com/scaffold-iac/scaffold/generators/graph"
)

// PilotLightOptions are the parsed flags of `scaffold pilot-light`.
type PilotLightOptions struct {
	IO      *cmdutil.IOStreams
	Factory *cmdutil.Factory
	Params  blueprint.Params
	// DRNAT is --dr-nat before it becomes a vpc.NATMode.
	DRNAT  string
	Output cmdutil.OutputOptions
}

// Blueprint describes the command for describe (and for compare, which
// skips multi-stack blueprints).
func Blueprint() cmdutil.Blueprint {
	return cmdutil.Blueprint{Name: "pilot-light", NewBundleCmd: func(f *cmdutil.Factory, build cmdutil.BundleFunc) *cobra.Command {
		if build == nil {
			return NewCmdPilotLight(f, nil)
		}
		return NewCmdPilotLight(f, func(o *PilotLightOptions) error {
			b, err := Bundle(o)
			if err != nil {
				return err
			}
			return build(b, o.Params.Warnings())
		})
	}}
}

// NewCmdPilotLight builds the command. runF replaces Run in tests.
func NewCmdPilotLight(f *cmdutil.Factory, runF func(*PilotLightOptions) error) *cobra.Command {
	defaults := blueprint.Defaults()
	opts := &PilotLightOptions{IO: f.IO, Factory: f, Params: defaults}
	cmd := &cobra.Command{
		Use:         "pilot-light [flags]",
		Annotations: map[string]string{cmdutil.BlueprintAnnotation: "true"},
		Short:       "Pilot-light disaster recovery: a database replica and a standby web tier in a second region",
		Long: `Generate pilot-light disaster recovery across two regions. The primary region runs a VPC,
a web tier (Application Load Balancer and an On-Demand Auto Scaling group) and a Multi-AZ RDS
database encrypted with KMS, whose generated credentials a Secrets Manager secret keeps and
replicates to the recovery region. The recovery region
holds a cross-region read replica of that database, the same web tier at zero instances, and
a replica of the versioned asset bucket. With --hosted-zone-id and --domain, Route 53 checks
the primary load balancer and fails the name over to the recovery region.

The output is one Terraform root module with a provider alias per region, one CloudFormation
template per stack with deploy.sh and destroy.sh, and RUNBOOK.md: the failover commands for
the generated names, with the time each step takes and the RTO and RPO they add up to.`,
		Example: `  # the issue's example: PostgreSQL, DNS failover for app.example.com
  scaffold pilot-light --primary-region us-east-1 --dr-region us-west-2 --db-engine postgres \
    --hosted-zone-id Z123 --domain app.example.com --format both

  # MySQL in Europe, manual DNS failover, a larger database
  scaffold pilot-light --name shop --primary-region eu-west-1 --dr-region eu-central-1 \
    --db-engine mysql --db-instance-class db.r6g.large`,
		Args: cmdutil.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Params.DRNAT = vpc.NATMode(opts.DRNAT)
			if runF != nil {
				return runF(opts)
			}
			return Run(opts)
		},
	}
	flags := cmd.Flags()
	p := &opts.Params
	flags.StringVar(&p.Name, "name", defaults.Name, "name prefix of every resource and stack")
	flags.StringVar(&p.PrimaryRegion, "primary-region", defaults.PrimaryRegion, "region that serves traffic")
	flags.StringVar(&p.DRRegion, "dr-region", defaults.DRRegion, "recovery region: the replica and the standby web tier")
	flags.IntVar(&p.AZs, "azs", defaults.AZs, "Availability Zones per region")
	flags.StringVar(&p.PrimaryCIDR, "primary-cidr", defaults.PrimaryCIDR, "IPv4 range of the primary VPC")
	flags.StringVar(&p.DRCIDR, "dr-cidr", defaults.DRCIDR, "IPv4 range of the recovery VPC (must not overlap the primary's)")
	flags.StringVar(&opts.DRNAT, "dr-nat", string(defaults.DRNAT), "NAT gateways of the recovery VPC: single (cheaper while idle) or per-az")
	flags.StringVar(&p.Engine, "db-engine", defaults.Engine, "database engine: postgres or mysql")
	flags.StringVar(&p.EngineVersion, "db-engine-version", "", "major engine version (default: the newest offered for --db-engine)")
	flags.StringVar(&p.InstanceClass, "db-instance-class", defaults.InstanceClass, "database instance class, for the primary and the replica")
	flags.IntVar(&p.StorageGiB, "db-storage", defaults.StorageGiB, "database storage in GiB (gp3)")
	flags.IntVar(&p.BackupRetentionDays, "backup-retention", defaults.BackupRetentionDays, "days of automated backups of the primary database")
	flags.StringVar(&p.InstanceType, "instance-type", defaults.InstanceType, "EC2 instance type of the web tier in both regions")
	flags.IntVar(&p.Min, "min", defaults.Min, "minimum web instances in the primary region")
	flags.IntVar(&p.Max, "max", defaults.Max, "maximum web instances in the primary region")
	flags.IntVar(&p.Desired, "desired", defaults.Desired, "web instances at launch in the primary region (the runbook scales the recovery region to this)")
	flags.StringVar(&p.HostedZoneID, "hosted-zone-id", "", "Route 53 hosted zone for DNS failover (with --domain)")
	flags.StringVar(&p.Domain, "domain", "", "name that fails over, such as app.example.com (with --hosted-zone-id)")
	cmdutil.AddOutputFlags(cmd, &opts.Output)
	var classes []string
	classes = append(classes, blueprint.InstanceClasses()...)
	cmdutil.SetValid(cmd, map[string]string{
		"name":              blueprints.NameRule,
		"primary-region":    "a known region with 2 or more Availability Zones",
		"dr-region":         "a known region with 2 or more Availability Zones, other than --primary-region",
		"azs":               "2 to the smaller zone count of the two regions",
		"primary-cidr":      "an IPv4 block from /16 to /24, RFC 1918 expected",
		"dr-cidr":           "an IPv4 block from /16 to /24 that does not overlap --primary-cidr",
		"dr-nat":            "single, per-az",
		"db-engine":         strings.Join(blueprint.Engines(), ", "),
		"db-engine-version": "postgres: " + strings.Join(blueprint.EngineVersions("postgres"), ", ") + "; mysql: " + strings.Join(blueprint.EngineVersions("mysql"), ", "),
		"db-instance-class": strings.Join(classes, ", "),
		"db-storage":        "20 to 16384 GiB",
		"backup-retention":  "7 to 35 days",
		"instance-type":     "one type from the built-in general-purpose, compute and memory families",
		"min":               "1 to --max",
		"max":               "1 to 100",
		"desired":           "--min to --max",
		"hosted-zone-id":    "Z followed by up to 31 capital letters and digits; with --domain",
		"domain":            "a lowercase fully qualified name without a trailing dot; with --hosted-zone-id",
	})
	return cmd
}

// Run validates the flags, builds the bundle and hands it to the shared
// generate-and-write pipeline.
func Run(opts *PilotLightOptions) error {
	if opts.Output.CI {
		return cmdutil.FlagErrorf("--ci is not available for pilot-light yet: its pipelines deploy one stack, and a pilot light is several")
	}
	b, err := Bundle(opts)
	if err != nil {
		return err
	}
	p := opts.Params
	summary := fmt.Sprintf("%s → %s, %d stacks", p.PrimaryRegion, p.DRRegion, len(b.Stacks))
	return cmdutil.GenerateBundle(opts.Factory, b, opts.Output, p.Warnings(), summary)
}

// Bundle turns the parsed flags into the pilot light's bundle.
func Bundle(opts *PilotLightOptions) (*graph.Bundle, error) {
	tags, err := blueprints.ParseTags(opts.Output.Tags)
	if err != nil {
		return nil, err
	}
	opts.Params.Tags = tags
	return blueprint.Build(opts.Params)
}
