package fanout

import (
	"fmt"
	"strings"

	"github.com/scaffold-iac/scaffold/generators/graph"
)

// explain fills in why each fan-out component exists.
func explain(g *graph.Graph, p Params) {
	byID := map[string]consumer{}
	for _, q := range p.queues() {
		for _, id := range []string{q.queueID(), q.dlqID(), q.queuePolicyID(), q.dlqPolicyID(), q.subscriptionID(), q.alarmID()} {
			byID[id] = q
		}
	}
	for i := range g.Components {
		c := &g.Components[i]
		if c.Why != "" {
			continue
		}
		if q, ok := byID[c.ID]; ok {
			c.Why = whyQueue(c.ID, q, p)
			continue
		}
		c.Why = why(c.ID, p)
	}
}

func why(id string, p Params) string {
	switch id {
	case topicID:
		return "The single place producers publish to: SNS copies every message to each subscriber, so producers never know who consumes."
	case topicPolicyID:
		return "Replaces the default topic policy: only this account may publish or subscribe, and only over TLS."
	case topicKeyID:
		return "A customer-managed key for the topic, so key use is logged and access to messages at rest can be revoked."
	case queueKeyID:
		return "A customer-managed key for the queues; its policy lets SNS of this account encrypt what it delivers."
	case alarmKeyID:
		return "The alarm topic needs a customer-managed key, because CloudWatch cannot publish to a topic encrypted with the AWS-managed key."
	case alarmTopicID:
		return "Where the dead-letter alarms publish, so a person hears about failing messages."
	case alarmPolicyID:
		return "Lets CloudWatch alarms of this account publish to the alarm topic, over TLS only."
	case alarmEmailID:
		return fmt.Sprintf("Emails %s when an alarm fires; the address must confirm the subscription first.", p.AlarmEmail)
	}
	return ""
}

func whyQueue(id string, q consumer, p Params) string {
	switch id {
	case q.queueID():
		return fmt.Sprintf("The %s consumer's own buffer: it reads at its own pace, and a slow or failing consumer never holds up the others.", q.Short)
	case q.dlqID():
		return fmt.Sprintf("Catches the %s consumer's messages that failed %d receives, so one poison message cannot block the queue and nothing is lost.", q.Short, p.MaxReceive)
	case q.queuePolicyID():
		return "Only this topic (aws:SourceArn) may send to the queue, and only over TLS."
	case q.dlqPolicyID():
		return "The dead-letter queue accepts requests over TLS only."
	case q.subscriptionID():
		if _, filtered := filterFor(p, q.Short); filtered {
			return fmt.Sprintf("Connects the topic to the %s queue; its filter policy lets through only the messages that consumer wants.", q.Short)
		}
		return fmt.Sprintf("Connects the topic to the %s queue: every published message is copied there.", q.Short)
	case q.alarmID():
		return "Fires as soon as a message lands in the dead-letter queue: failures should be seen, not found weeks later."
	}
	return ""
}

func filterFor(p Params, queue string) (Filter, bool) {
	for _, f := range p.Filters {
		if strings.TrimSpace(f.Queue) == queue {
			return f, true
		}
	}
	return Filter{}, false
}

// about is what describe says about the fan-out.
func about(p Params) graph.About {
	a := graph.About{
		Purpose: "Publish an event once and let several independent consumers each get their own copy: SNS " +
			"fans the message out, one SQS queue per consumer buffers it until that consumer has processed it. " +
			"Consumers scale, fail and deploy independently; adding one means adding a queue, not changing the producer.",
		Survives: []string{
			"the loss of an Availability Zone: SNS and SQS are regional services that store messages redundantly across zones",
			"a consumer being down or slow: its messages wait in its queue (up to the retention period) while the others carry on",
			"a message that keeps failing: it moves to the dead-letter queue and raises an alarm instead of blocking the queue",
		},
		Exposed: []string{fmt.Sprintf("the loss of the region (%s): the topic and queues exist only there", p.Region)},
		Target:  "No infrastructure of yours to keep running: availability is that of SNS and SQS in the region; delivery is at least once (exactly once per message group with FIFO), so consumers should be idempotent.",
		Equivalents: []graph.Equivalent{
			{AWS: "SNS topic", GCP: "Pub/Sub topic", Azure: "Service Bus topic",
				Note: "Pub/Sub covers both the topic and the queue role (push and pull subscriptions)."},
			{AWS: "SQS queue per consumer", GCP: "Pub/Sub pull subscription", Azure: "Service Bus topic subscription, or a Service Bus queue",
				Note: "Service Bus offers sessions for FIFO order; Pub/Sub orders within an ordering key."},
			{AWS: "Dead-letter queue", GCP: "Pub/Sub dead-letter topic", Azure: "Service Bus dead-letter subqueue"},
			{AWS: "CloudWatch alarm", GCP: "Cloud Monitoring alerting policy", Azure: "Azure Monitor alert"},
			{AWS: "KMS key", GCP: "Cloud KMS key", Azure: "Key Vault key"},
		},
	}
	return a
}
