package fanout

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/scaffold-iac/scaffold/blueprints"
	"github.com/scaffold-iac/scaffold/generators/graph"
)

func TestValidate(t *testing.T) {
	many := make([]string, 21)
	for i := range many {
		many[i] = fmt.Sprintf("q%d", i)
	}
	tests := []struct {
		name   string
		modify func(*Params)
		want   string
	}{
		{"no queues", func(p *Params) { p.Queues = nil }, `invalid value "" for --queues: give 1 to 20 queue names, comma-separated`},
		{"21 queues", func(p *Params) { p.Queues = many }, `invalid value "` + strings.Join(many, ",") + `" for --queues: 21 queues; a fan-out here takes 1 to 20`},
		{"duplicate queue", func(p *Params) { p.Queues = []string{"billing", "billing"} }, `invalid value "billing" for --queues: is listed twice`},
		{"clashing queues", func(p *Params) { p.Queues = []string{"search-index", "search_index"} }, `invalid value "search_index" for --queues: clashes with "search-index": names that differ only in case, '-' or '_' would share resource names`},
		{"invalid queue name", func(p *Params) { p.Queues = []string{"bill ing"} }, `invalid value "bill ing" for --queues: use letters, digits, hyphens and underscores only`},
		{"queue too long", func(p *Params) { p.Queues = []string{strings.Repeat("q", 50)} }, `invalid value "` + strings.Repeat("q", 50) + `" for --queues: too long: with the name prefix and -dlq the deployed name could reach 83 characters, over AWS's 80`},
		{"fifo name without --fifo", func(p *Params) { p.Queues = []string{"billing.fifo"} }, `invalid value "billing.fifo" for --queues: only FIFO topics and queues end in .fifo; pass --fifo, and give the name without it`},
		{"fifo name with --fifo", func(p *Params) { p.FIFO = true; p.Topic = "orders.fifo" }, `invalid value "orders.fifo" for --topic: give the name without .fifo; --fifo adds it`},
		{"fifo makes name too long", func(p *Params) { p.FIFO = true; p.Queues = []string{strings.Repeat("q", 44)} }, `invalid value "` + strings.Repeat("q", 44) + `" for --queues: too long: with the name prefix and -dlq and .fifo the deployed name could reach 82 characters, over AWS's 80`},
		{"bad topic", func(p *Params) { p.Topic = "product events" }, `invalid value "product events" for --topic: use letters, digits, hyphens and underscores only`},
		{"visibility over 12h", func(p *Params) { p.VisibilityTimeout = 13 * time.Hour }, `invalid value "13h" for --visibility-timeout: must be whole seconds from 0s to 12h`},
		{"retention under 60s", func(p *Params) { p.Retention = 30 * time.Second }, `invalid value "30s" for --retention: must be whole seconds from 60s to 14d`},
		{"retention over 14d", func(p *Params) { p.Retention = 15 * blueprints.Day }, `invalid value "15d" for --retention: must be whole seconds from 60s to 14d`},
		{"max receive 0", func(p *Params) { p.MaxReceive = 0 }, `invalid value "0" for --max-receive: must be between 1 and 1000`},
		{"bad filter JSON", func(p *Params) { p.Filters = []Filter{{Queue: "worker", Policy: `{"eventType":`}} }, `invalid value "worker={\"eventType\":" for --filter: not valid JSON: unexpected EOF`},
		{"filter not an object", func(p *Params) { p.Filters = []Filter{{Queue: "worker", Policy: `["a"]`}} }, `invalid value "worker=[\"a\"]" for --filter: a filter policy is a non-empty JSON object such as {"eventType":["OrderPlaced"]}`},
		{"filter value not a list", func(p *Params) { p.Filters = []Filter{{Queue: "worker", Policy: `{"eventType":"x"}`}} }, `invalid value "worker={\"eventType\":\"x\"}" for --filter: "eventType" must map to a list of conditions, such as ["OrderPlaced"]`},
		{"filter fraction", func(p *Params) { p.Filters = []Filter{{Queue: "worker", Policy: `{"price":[{"numeric":[">",9.5]}]}`}} }, `invalid value "worker={\"price\":[{\"numeric\":[\">\",9.5]}]}" for --filter: "price.numeric": only whole numbers are supported in filter policies, got 9.5`},
		{"filter for unknown queue", func(p *Params) { p.Filters = []Filter{{Queue: "billing", Policy: `{"a":["b"]}`}} }, `invalid value "billing={\"a\":[\"b\"]}" for --filter: no queue named "billing"; queues: worker`},
		{"two filters for a queue", func(p *Params) {
			p.Filters = []Filter{{Queue: "worker", Policy: `{"a":["b"]}`}, {Queue: "worker", Policy: `{"c":["d"]}`}}
		}, `invalid value "worker={\"c\":[\"d\"]}" for --filter: queue "worker" has two filters; combine them into one policy`},
		{"filter scope", func(p *Params) { p.FilterScope = "headers" }, `invalid value "headers" for --filter-scope: must be one of attributes, body`},
		{"content dedup without fifo", func(p *Params) { p.ContentDedup = true }, `invalid value "true" for --content-dedup: content-based deduplication needs --fifo`},
		{"alarm email", func(p *Params) { p.AlarmEmail = "ops" }, `invalid value "ops" for --alarm-email: want an email address such as ops@example.com`},
		{"region", func(p *Params) { p.Region = "moon-1" }, `invalid value "moon-1" for --region: unknown region; known regions: ` + "af-south-1"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := Defaults()
			tt.modify(&p)
			err := p.Validate()
			if err == nil || !strings.HasPrefix(err.Error(), tt.want) || strings.Contains(err.Error(), "\n") {
				t.Fatalf("Validate() = %v\nwant %s", err, tt.want)
			}
			var paramErr *blueprints.ParamError
			if !errors.As(err, &paramErr) {
				t.Errorf("error %T is not a *blueprints.ParamError", err)
			}
			if _, err := Build(p); err == nil {
				t.Error("Build accepted what Validate rejects")
			}
		})
	}
}

func kinds(g *graph.Graph) map[graph.Kind]int {
	out := map[graph.Kind]int{}
	for _, c := range g.Components {
		out[c.Kind]++
	}
	return out
}

func TestBuild(t *testing.T) {
	p := Defaults()
	p.Topic = "product-events"
	p.Queues = []string{"inventory", "search-index", "notification"}
	g, err := Build(p)
	if err != nil {
		t.Fatal(err)
	}
	got := kinds(g)
	want := map[graph.Kind]int{graph.KindSNSTopic: 1, graph.KindSNSTopicPolicy: 1, graph.KindSQSQueue: 6, graph.KindSQSQueuePolicy: 6, graph.KindSNSSubscription: 3, graph.KindMetricAlarm: 3}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("kinds = %v, want %v", got, want)
	}
	if len(g.Outputs) != 2+3*3 {
		t.Errorf("%d outputs, want 11", len(g.Outputs))
	}
	queue := g.Component("search_index_queue")
	if queue == nil {
		t.Fatal("no search_index_queue")
	}
	if queue.Property("sqs_managed_sse_enabled") != graph.Bool(true) || queue.Property("kms_master_key_id") != nil {
		t.Error("default queues must use SSE-SQS")
	}
	if queue.Property("visibility_timeout_seconds") != graph.Int(30) || queue.Property("message_retention_seconds") != graph.Int(4*86400) {
		t.Errorf("queue timings = %v, %v", queue.Property("visibility_timeout_seconds"), queue.Property("message_retention_seconds"))
	}
	dlq := g.Component("search_index_dlq")
	if dlq.Property("message_retention_seconds") != graph.Int(14*86400) {
		t.Error("DLQ must keep messages 14 days")
	}
	sub := g.Component("search_index_subscription")
	if len(sub.DependsOn) != 1 || sub.DependsOn[0] != "search_index_queue_policy" {
		t.Errorf("subscription depends on %v", sub.DependsOn)
	}
	if g.Component("topic").Property("kms_master_key_id") != graph.String("alias/aws/sns") {
		t.Error("topic must be encrypted by default")
	}
}

// TestQueuePolicies checks the security promises: the queue accepts only
// this topic, and every policy denies requests without TLS.
func TestQueuePolicies(t *testing.T) {
	g, err := Build(Defaults())
	if err != nil {
		t.Fatal(err)
	}
	for _, id := range []string{"worker_queue_policy", "worker_dlq_policy", "topic_policy"} {
		doc := g.Component(id).Property("policy").(graph.Document)
		statements := doc[1].Value.(graph.List)
		last := statements[len(statements)-1].(graph.Object)
		if fmt.Sprint(last) != fmt.Sprint(denyInsecure(actionOf(last), resourceOf(last))) || actionOf(last) == "" {
			t.Errorf("%s: last statement %v is not the TLS deny", id, last)
		}
	}
	allow := g.Component("worker_queue_policy").Property("policy").(graph.Document)[1].Value.(graph.List)[0].(graph.Object)
	want := graph.Object{{Key: "ArnEquals", Value: graph.Object{{Key: "aws:SourceArn", Value: graph.RefARN("topic")}}}}
	if fmt.Sprint(allow[5].Value) != fmt.Sprint(want) {
		t.Errorf("queue policy condition = %v, want %v", allow[5].Value, want)
	}
}

func actionOf(o graph.Object) string {
	for _, f := range o {
		if f.Key == "Action" {
			if s, ok := f.Value.(graph.String); ok {
				return string(s)
			}
		}
	}
	return ""
}

func resourceOf(o graph.Object) graph.Value {
	for _, f := range o {
		if f.Key == "Resource" {
			return f.Value
		}
	}
	return nil
}

func TestFIFOAndFilters(t *testing.T) {
	p := Defaults()
	p.Topic = "orders"
	p.Queues = []string{"billing", "shipping"}
	p.FIFO = true
	p.ContentDedup = true
	p.Filters = []Filter{{Queue: "billing", Policy: `{"eventType":["OrderPlaced"], "amount":[{"numeric":[">=",100]}]}`}}
	g, err := Build(p)
	if err != nil {
		t.Fatal(err)
	}
	if g.Component("topic").Property("fifo_topic") != graph.Bool(true) {
		t.Error("topic is not FIFO")
	}
	for _, id := range []string{"billing_queue", "billing_dlq", "shipping_queue", "shipping_dlq"} {
		c := g.Component(id)
		name := fmt.Sprint(c.Property("name"))
		if c.Property("fifo_queue") != graph.Bool(true) || !strings.Contains(name, ".fifo") {
			t.Errorf("%s is not FIFO: %s", id, name)
		}
	}
	filter := g.Component("billing_subscription").Property("filter_policy")
	want := `[{amount [map[numeric:[>= 100]]]} {eventType [OrderPlaced]}]`
	if got := fmt.Sprint(filter); !strings.Contains(got, "amount") || !strings.Contains(got, "OrderPlaced") || strings.Index(got, "amount") > strings.Index(got, "eventType") {
		t.Errorf("filter policy = %s, want keys sorted like %s", got, want)
	}
	if g.Component("shipping_subscription").Property("filter_policy") != nil {
		t.Error("shipping got a filter")
	}
}

func TestKMSAndAlarms(t *testing.T) {
	p := Defaults()
	p.KMS = true
	p.AlarmEmail = "ops@example.com"
	g, err := Build(p)
	if err != nil {
		t.Fatal(err)
	}
	if got := kinds(g)[graph.KindKMSKey]; got != 3 {
		t.Errorf("%d KMS keys, want 3 (topic, queues, alarms)", got)
	}
	if g.Component("worker_queue").Property("kms_master_key_id") != graph.RefARN("queue_key") {
		t.Error("queue not encrypted with the queue key")
	}
	// No key policy may reference the topic or a queue: that is the cycle
	// others hit.
	for _, id := range []string{"topic_key", "queue_key", "alarm_key"} {
		graph.Walk(g.Component(id).Property("policy"), func(v graph.Value) {
			if ref, ok := v.(graph.Ref); ok {
				t.Errorf("%s policy references %s", id, ref.Component)
			}
		})
	}
	alarm := g.Component("worker_dlq_alarm")
	if fmt.Sprint(alarm.Property("alarm_actions")) != fmt.Sprint(graph.List{graph.RefARN("alarm_topic")}) {
		t.Errorf("alarm actions = %v", alarm.Property("alarm_actions"))
	}
}

// FuzzFilterDocument checks that any accepted filter becomes a non-empty
// document and that errors never panic.
func FuzzFilterDocument(f *testing.F) {
	for _, seed := range []string{`{"a":["b"]}`, `{"a":{"b":["c"]}}`, `[]`, `{"a":[1.5]}`, `{`, `{"a":[null]}`} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, text string) {
		doc, err := FilterDocument(text)
		if err == nil && len(doc) == 0 {
			t.Fatalf("FilterDocument(%q) accepted an empty policy", text)
		}
	})
}
