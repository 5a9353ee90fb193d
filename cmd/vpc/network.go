package vpc

import (
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"github.com/scaffold-iac/scaffold/blueprints"
	blueprint "github.com/scaffold-iac/scaffold/blueprints/vpc"
	"github.com/scaffold-iac/scaffold/cmd/cmdutil"
)

// NetworkFlags binds the flags of the vpc blueprint's parameters, so every
// command whose blueprint contains a VPC offers the same network flags.
type NetworkFlags struct {
	Params *blueprint.Params
	// The raw text of flags whose parsed form is set by Apply.
	NAT       string
	FlowLogs  cmdutil.OnOff
	Endpoints []string
}

// AddNetworkFlags registers the network flags on cmd, with p's values as
// defaults, writing into p.
func AddNetworkFlags(cmd *cobra.Command, p *blueprint.Params) *NetworkFlags {
	n := &NetworkFlags{Params: p, NAT: string(p.NAT), FlowLogs: cmdutil.OnOff(p.FlowLogs), Endpoints: p.Endpoints}
	flags := cmd.Flags()
	flags.StringVar(&p.Name, "name", p.Name, "name prefix for every resource ("+blueprints.NameRule+")")
	flags.StringVar(&p.Region, "region", p.Region, "AWS region to deploy to")
	flags.IntVar(&p.AZs, "azs", p.AZs, "number of Availability Zones (1 to the region's zone count)")
	flags.StringVar(&p.CIDR, "cidr", p.CIDR, "IPv4 block of the VPC, /16 to /24, private (RFC 1918) expected")
	flags.StringVar(&n.NAT, "nat", n.NAT, "NAT gateways: per-az (survives a zone failure), single (cheaper) or none")
	flags.Var(&n.FlowLogs, "flow-logs", "VPC flow logs to CloudWatch Logs: on or off")
	flags.IntVar(&p.FlowLogRetentionDays, "flow-log-retention", p.FlowLogRetentionDays, "days to keep flow log records (a CloudWatch Logs retention value)")
	flags.StringVar(&p.FlowLogKMSKeyARN, "flow-log-kms-key", p.FlowLogKMSKeyARN, "ARN of a KMS key to encrypt the flow log group (default: service-managed encryption)")
	flags.StringSliceVar(&n.Endpoints, "endpoints", n.Endpoints, "gateway endpoints to create: s3, dynamodb, or none")
	cmdutil.SetValid(cmd, map[string]string{
		"name":               blueprints.NameRule,
		"region":             "a commercial AWS Region with at least --azs Availability Zones",
		"azs":                "1 to the region's zone count (also limited by the --cidr size)",
		"cidr":               "an IPv4 block from /16 to /24; RFC 1918 (10/8, 172.16/12, 192.168/16) expected",
		"nat":                strings.Join(natModes(), ", "),
		"flow-logs":          "on, off",
		"flow-log-retention": "a CloudWatch Logs retention: " + joinInts(blueprint.RetentionDays()) + " days",
		"flow-log-kms-key":   "a KMS key ARN in --region, or empty",
		"endpoints":          strings.Join(blueprint.Endpoints(), ", ") + ", or none",
	})
	return n
}

// Apply copies the parsed flag values into the parameters; call it in RunE.
func (n *NetworkFlags) Apply(cmd *cobra.Command) {
	n.Params.NAT = blueprint.NATMode(n.NAT)
	n.Params.FlowLogs = bool(n.FlowLogs)
	if cmd.Flags().Changed("endpoints") {
		n.Params.Endpoints = parseEndpoints(n.Endpoints)
	}
}

func natModes() []string {
	var modes []string
	for _, m := range blueprint.NATModes() {
		modes = append(modes, string(m))
	}
	return modes
}

func joinInts(values []int) string {
	text := make([]string, len(values))
	for i, v := range values {
		text[i] = strconv.Itoa(v)
	}
	return strings.Join(text, ", ")
}

func parseEndpoints(raw []string) []string {
	var out []string
	for _, e := range raw {
		e = strings.ToLower(strings.TrimSpace(e))
		if e == "" || e == "none" {
			continue
		}
		out = append(out, e)
	}
	return out
}
