// Package fanout is the `scaffold fanout` command: an SNS topic fanning out
// to SQS queues, in Terraform and/or CloudFormation.
package fanout

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/scaffold-iac/scaffold/blueprints"
	blueprint "github.com/scaffold-iac/scaffold/blueprints/fanout"
	"github.com/scaffold-iac/scaffold/cmd/cmdutil"
	"github.com/scaffold-iac/scaffold/generators/graph"
)

// FanoutOptions are the parsed flags of `scaffold fanout`.
type FanoutOptions struct {
	IO      *cmdutil.IOStreams
	Factory *cmdutil.Factory
	Params  blueprint.Params
	Output  cmdutil.OutputOptions
	// The raw text of flags parsed in Run, so their errors name the flag.
	VisibilityTimeout string
	Retention         string
	Filters           []string
	FilterScope       string
	RawDelivery       cmdutil.OnOff
}

// NewCmdFanout builds the command. runF replaces Run in tests.
func NewCmdFanout(f *cmdutil.Factory, runF func(*FanoutOptions) error) *cobra.Command {
	defaults := blueprint.Defaults()
	opts := &FanoutOptions{
		IO: f.IO, Factory: f, Params: defaults,
		VisibilityTimeout: blueprints.FormatDuration(defaults.VisibilityTimeout),
		Retention:         blueprints.FormatDuration(defaults.Retention),
		FilterScope:       string(defaults.FilterScope),
		RawDelivery:       cmdutil.OnOff(defaults.RawDelivery),
	}
	cmd := &cobra.Command{
		Use:         "fanout [flags]",
		Annotations: map[string]string{cmdutil.BlueprintAnnotation: "true"},
		Short:       "SNS topic fanning out to SQS queues, each with a dead-letter queue and an alarm",
		Long: `Generate an SNS topic and one SQS queue per consumer subscribed to it. Every message
published once reaches every queue; each consumer works through its own queue, so one
slow or failing consumer never holds up the others.

Every queue has a dead-letter queue (after --max-receive failed receives) with a
CloudWatch alarm on it. Topic and queues are encrypted at rest (service-managed keys,
or customer-managed ones with --kms); queue policies let only this topic send, and
every policy denies requests without TLS.`,
		Example: `  # the classic example: one product event, three independent consumers
  scaffold fanout --topic product-events --queues inventory,search-index,notification

  # FIFO, with billing receiving only OrderPlaced events
  scaffold fanout --topic orders --queues billing,shipping --fifo \
    --filter billing='{"eventType":["OrderPlaced"]}'

  # customer-managed KMS keys and an email when a dead-letter queue fills
  scaffold fanout --kms --alarm-email ops@example.com`,
		Args: cmdutil.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if runF != nil {
				return runF(opts)
			}
			return Run(opts)
		},
	}
	flags := cmd.Flags()
	flags.StringVar(&opts.Params.Name, "name", defaults.Name, "name prefix for every resource ("+blueprints.NameRule+")")
	flags.StringVar(&opts.Params.Region, "region", defaults.Region, "AWS region to deploy to")
	flags.StringVar(&opts.Params.Topic, "topic", defaults.Topic, "short name of the topic (deployed as <name>-<topic>)")
	flags.StringSliceVar(&opts.Params.Queues, "queues", defaults.Queues, "consumer queue names, comma-separated (1 to 20)")
	flags.BoolVar(&opts.Params.FIFO, "fifo", false, "FIFO topic and queues: ordered, exactly-once per message group")
	flags.BoolVar(&opts.Params.ContentDedup, "content-dedup", false, "content-based deduplication (with --fifo)")
	flags.IntVar(&opts.Params.MaxReceive, "max-receive", defaults.MaxReceive, "receives before a message moves to the dead-letter queue")
	flags.StringVar(&opts.VisibilityTimeout, "visibility-timeout", opts.VisibilityTimeout, "how long a received message stays hidden from other consumers (0s to 12h)")
	flags.StringVar(&opts.Retention, "retention", opts.Retention, "how long a queue keeps unprocessed messages (60s to 14d; dead-letter queues keep 14d)")
	flags.Var(&opts.RawDelivery, "raw-delivery", "deliver the message body as published (on) or wrapped in SNS's JSON envelope (off)")
	flags.StringArrayVar(&opts.Filters, "filter", nil, "QUEUE=JSON subscription filter policy for one queue (repeatable)")
	flags.StringVar(&opts.FilterScope, "filter-scope", opts.FilterScope, "what filter policies match: attributes (message attributes) or body")
	flags.BoolVar(&opts.Params.KMS, "kms", false, "encrypt with customer-managed KMS keys instead of service-managed ones")
	flags.StringVar(&opts.Params.AlarmEmail, "alarm-email", "", "email address to notify when a dead-letter queue receives messages")
	cmdutil.AddOutputFlags(cmd, &opts.Output)
	cmdutil.SetValid(cmd, map[string]string{
		"name":               blueprints.NameRule,
		"region":             "a commercial AWS Region",
		"topic":              "letters, digits, hyphens, underscores; no .fifo suffix (--fifo adds it); the deployed name stays within 256 characters",
		"queues":             fmt.Sprintf("1 to %d distinct names of letters, digits, hyphens, underscores; the deployed names stay within 80 characters", blueprint.MaxQueues),
		"fifo":               "true, false",
		"content-dedup":      "true, false (true needs --fifo)",
		"max-receive":        fmt.Sprintf("1 to %d", blueprint.MaxReceiveLimit),
		"visibility-timeout": "0s to 12h in whole seconds (s, m, h, d units)",
		"retention":          "60s to 14d in whole seconds (s, m, h, d units)",
		"raw-delivery":       "on, off",
		"filter":             "QUEUE=JSON: a queue from --queues and an SNS filter policy object; one per queue",
		"filter-scope":       "attributes, body",
		"kms":                "true, false",
		"alarm-email":        "an email address, or empty for no email",
	})
	return cmd
}

// Blueprint describes the command for compare and describe.
func Blueprint() cmdutil.Blueprint {
	return cmdutil.Blueprint{Name: "fanout", NewCmd: func(f *cmdutil.Factory, build cmdutil.GraphFunc) *cobra.Command {
		if build == nil {
			return NewCmdFanout(f, nil)
		}
		return NewCmdFanout(f, func(o *FanoutOptions) error {
			g, err := Graph(o)
			if err != nil {
				return err
			}
			return build(g, nil)
		})
	}}
}

// Run parses the remaining flags, builds the fan-out and hands it to the
// shared generate-and-write pipeline.
func Run(opts *FanoutOptions) error {
	g, err := Graph(opts)
	if err != nil {
		return err
	}
	return cmdutil.Generate(opts.Factory, g, opts.Output, nil, summary(g))
}

// Graph turns the parsed flags into the fan-out graph; compare uses it too.
func Graph(opts *FanoutOptions) (*graph.Graph, error) {
	var errs []error
	parseDuration := func(flag, text string) time.Duration {
		d, err := blueprints.ParseDuration(text)
		if err != nil {
			errs = append(errs, &blueprints.ParamError{Param: flag, Value: text, Reason: err.Error()})
		}
		return d
	}
	opts.Params.VisibilityTimeout = parseDuration("visibility-timeout", opts.VisibilityTimeout)
	opts.Params.Retention = parseDuration("retention", opts.Retention)
	opts.Params.FilterScope = blueprint.FilterScope(opts.FilterScope)
	opts.Params.RawDelivery = bool(opts.RawDelivery)
	opts.Params.Filters = nil
	for _, raw := range opts.Filters {
		queue, policy, ok := strings.Cut(raw, "=")
		if !ok || queue == "" {
			errs = append(errs, &blueprints.ParamError{Param: "filter", Value: raw, Reason: `want QUEUE=JSON, such as billing='{"eventType":["OrderPlaced"]}'`})
			continue
		}
		opts.Params.Filters = append(opts.Params.Filters, blueprint.Filter{Queue: strings.TrimSpace(queue), Policy: policy})
	}
	tags, err := blueprints.ParseTags(opts.Output.Tags)
	if err != nil {
		errs = append(errs, err)
	}
	opts.Params.Tags = tags
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	return blueprint.Build(opts.Params)
}

func summary(g *graph.Graph) string {
	counts := map[graph.Kind]int{}
	for _, c := range g.Components {
		counts[c.Kind]++
	}
	queues := counts[graph.KindSQSQueue] / 2
	parts := []string{
		fmt.Sprintf("1 topic, %d queues + %d dead-letter queues", queues, queues),
		fmt.Sprintf("%d alarms", counts[graph.KindMetricAlarm]),
	}
	if counts[graph.KindKMSKey] > 0 {
		parts = append(parts, fmt.Sprintf("%d KMS keys", counts[graph.KindKMSKey]))
	}
	return strings.Join(parts, ", ")
}
