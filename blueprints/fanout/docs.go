package fanout

import (
	"encoding/json"
	"fmt"
	"strconv"
	"strings"

	"github.com/scaffold-iac/scaffold/blueprints"
	"github.com/scaffold-iac/scaffold/generators/graph"
)

// QueueTable lists every queue with its settings: what --dry-run prints and
// the README shows.
func QueueTable(p Params) graph.Table {
	filters := map[string]string{}
	for _, f := range p.Filters {
		filters[f.Queue] = f.Policy
	}
	table := graph.Table{
		Title:   "Queues",
		Columns: []string{"Queue", "Deployed name", "Dead-letter queue", "Max receives", "Visibility", "Retention", "Filter"},
	}
	for _, q := range p.Queues {
		filter := "none (every message)"
		if f, ok := filters[q]; ok {
			filter = string(p.FilterScope) + " " + compactJSON(f)
		}
		table.Rows = append(table.Rows, []string{
			q, p.Name + "-" + q + p.suffix(), p.Name + "-" + q + "-dlq" + p.suffix(), strconv.Itoa(p.MaxReceive),
			blueprints.FormatDuration(p.VisibilityTimeout), blueprints.FormatDuration(p.Retention) + " (DLQ 14d)", filter,
		})
	}
	return table
}

// compactJSON renders a validated filter policy on one line.
func compactJSON(policy string) string {
	return strings.Join(strings.Fields(policy), " ")
}

func docs(p Params) graph.Docs {
	d := graph.Docs{Tables: []graph.Table{QueueTable(p)}}
	d.Notes = append(d.Notes, graph.Note{
		Title: "How the fan-out works",
		Body: fmt.Sprintf("Producers publish once to the %s topic; SNS copies every message into each subscribed queue. Each consumer reads only its own queue, so a slow or broken consumer lets its backlog grow while the others carry on, and a new consumer is one more queue and subscription, with no change to producers. "+
			"Raw message delivery is %s: consumers receive %s.", p.Topic, onOff(p.RawDelivery), rawWhat(p.RawDelivery)),
	})
	dlq := fmt.Sprintf("A message that a consumer receives %d times without deleting it moves to that queue's dead-letter queue, which keeps it for 14 days (the maximum, longer than the source queue's %s, so nothing expires before you look). "+
		"An alarm fires as soon as a dead-letter queue holds a message. "+
		"Set the visibility timeout (%s here) to about six times the longest time a consumer needs for one message: shorter, and a message still being worked on is delivered again; much longer, and a crashed consumer's messages wait that long before anyone retries them.",
		p.MaxReceive, blueprints.FormatDuration(p.Retention), blueprints.FormatDuration(p.VisibilityTimeout))
	if p.AlarmEmail == "" {
		dlq += " Without --alarm-email the alarms notify no one: they show in the CloudWatch console until you add an alarm action."
	}
	if p.AlarmEmail != "" {
		dlq += fmt.Sprintf(" Alarms notify %s through a separate alarm topic; AWS emails a confirmation link first, and nothing arrives until it is clicked.", p.AlarmEmail)
	}
	d.Notes = append(d.Notes, graph.Note{Title: "Dead-letter queues, retries and the visibility timeout", Body: dlq})
	if p.FIFO {
		body := "The topic and every queue are FIFO: messages with the same message group ID arrive in order and exactly once per queue within the five-minute deduplication window. Publishers must pass a message group ID"
		if p.ContentDedup {
			body += "; content-based deduplication derives the deduplication ID from the message body."
		} else {
			body += " and a deduplication ID (or turn on --content-dedup)."
		}
		d.Notes = append(d.Notes, graph.Note{Title: "FIFO ordering", Body: body})
	}
	encryption := "The topic is encrypted with the AWS-managed SNS key and the queues with SQS-managed keys (SSE-SQS): encryption at rest with nothing to manage. The AWS-managed SNS key cannot be shared, so AWS services such as S3 event notifications cannot publish to this topic; use --kms if they must."
	if p.KMS {
		encryption = "The topic and the queues are encrypted with two customer-managed KMS keys, rotated yearly. The queue key lets SNS of this account encrypt what it delivers; neither key policy names the topic or a queue, which avoids the dependency cycle between a topic and its key. Each key costs about $1 a month plus requests."
	}
	d.Notes = append(d.Notes, graph.Note{Title: "Encryption and access", Body: encryption +
		" Each queue policy lets only this topic send, and every topic and queue policy denies requests that do not use TLS."})
	d.Notes = append(d.Notes, graph.Note{Title: "Test it", Body: testSteps(p)})
	return d
}

func onOff(on bool) string {
	if on {
		return "on"
	}
	return "off"
}

func rawWhat(raw bool) string {
	if raw {
		return "the message body exactly as published"
	}
	return "a JSON envelope from SNS with the message in its Message field"
}

// testSteps is a shell session that publishes one message and reads it from
// every queue, using the Terraform outputs (the CloudFormation outputs
// carry the same values under PascalCase names).
func testSteps(p Params) string {
	var b strings.Builder
	b.WriteString("Publish one message and read it from every queue (values from `terraform output`; with CloudFormation, read the same values from the stack outputs):\n\n```sh\n")
	b.WriteString("TOPIC_ARN=$(terraform -chdir=terraform output -raw topic_arn)\n")
	// Each publish has its own body (and deduplication ID), or a FIFO
	// topic would drop the second one as a duplicate.
	publishCommand := func(n int) string {
		cmd := fmt.Sprintf(`aws sns publish --topic-arn "$TOPIC_ARN" --message '{"hello":"fan-out","n":%d}'`, n)
		if p.FIFO {
			cmd += " --message-group-id demo"
			if !p.ContentDedup {
				cmd += fmt.Sprintf(" --message-deduplication-id demo-%d", n)
			}
		}
		return cmd
	}
	b.WriteString(publishCommand(1) + "\n")
	for _, q := range p.queues() {
		fmt.Fprintf(&b, "aws sqs receive-message --wait-time-seconds 10 --queue-url \"$(terraform -chdir=terraform output -raw %s_queue_url)\"\n", q.Prefix)
	}
	b.WriteString("```\n\n")
	if len(p.Filters) == 0 {
		b.WriteString("Every queue receives the message.")
		return b.String()
	}
	b.WriteString("Queues with a filter do not receive that message: they receive only messages that match their filter policy.")
	for i, f := range p.Filters {
		attributes, ok := matchingAttributes(f.Policy)
		if p.FilterScope != ScopeAttributes || !ok {
			fmt.Fprintf(&b, " To see %s receive one, publish a message whose %s matches %s.", f.Queue, map[FilterScope]string{ScopeAttributes: "attributes", ScopeBody: "body"}[p.FilterScope], compactJSON(f.Policy))
			continue
		}
		fmt.Fprintf(&b, " This one reaches %s (and every queue without a filter):\n\n```sh\n%s --message-attributes '%s'\n```\n", f.Queue, publishCommand(i+2), attributes)
	}
	return strings.TrimRight(b.String(), "\n")
}

// matchingAttributes returns SNS message attributes (as the aws CLI takes
// them) that satisfy a filter policy made only of exact string matches;
// false for anything subtler, which the README then describes in words.
func matchingAttributes(policy string) (string, bool) {
	doc, err := FilterDocument(policy)
	if err != nil {
		return "", false
	}
	var parts []string
	for _, field := range doc {
		list, ok := field.Value.(graph.List)
		if !ok || len(list) == 0 {
			return "", false
		}
		value, ok := list[0].(graph.String)
		if !ok {
			return "", false
		}
		encoded, err := json.Marshal(map[string]string{"DataType": "String", "StringValue": string(value)})
		if err != nil {
			return "", false
		}
		key, _ := json.Marshal(field.Key)
		parts = append(parts, string(key)+":"+string(encoded))
	}
	return "{" + strings.Join(parts, ",") + "}", true
}
