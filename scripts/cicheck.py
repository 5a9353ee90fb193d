#!/usr/bin/env python3
"""Helpers for scripts/check-examples.sh: reading Terraform plans and
CloudFormation templates, and comparing what moto created with the template.

Run with the python that has cfn-lint (its YAML loader reads CloudFormation
short tags such as !Ref and !GetAZs) and moto (to know which resource types
moto's CloudFormation implements).

  cicheck.py plan-summary PLAN.json
  cicheck.py params TEMPLATE [PARAMETERS.json]
  cicheck.py resources TEMPLATE STACK_RESOURCES.json
  cicheck.py vpc TEMPLATE STACK_RESOURCES.json ENDPOINT REGION
  cicheck.py fanout TEMPLATE STACK_RESOURCES.json ENDPOINT REGION

Exit codes: 0 pass, 1 fail, 2 usage or unreadable input, 3 not applicable.
"""

import json
import os
import subprocess
import sys
from collections import Counter

PASS, FAIL, USAGE, NOT_APPLICABLE = 0, 1, 2, 3


def die(msg, code=USAGE):
    print(f"cicheck: {msg}", file=sys.stderr)
    sys.exit(code)


def load_json(path):
    try:
        with open(path, encoding="utf-8") as f:
            return json.load(f)
    except (OSError, ValueError) as e:
        die(f"cannot read {path}: {e}")


def load_template(path):
    """The template as plain dicts/lists, via cfn-lint's tag-aware decoder."""
    try:
        from cfnlint.decode import decode
    except ImportError:
        die("python module cfnlint not found: run with the python that has cfn-lint")
    template, matches = decode(path)
    if matches:
        die(f"cannot parse {path}: " + "; ".join(str(m) for m in matches))
    if not isinstance(template, dict) or not isinstance(template.get("Resources"), dict):
        die(f"{path}: no Resources section")
    return template


def template_counts(template):
    """(unconditional, conditional) Counters of resource types."""
    always, maybe = Counter(), Counter()
    for res in template["Resources"].values():
        if not isinstance(res, dict) or "Type" not in res:
            continue
        (maybe if "Condition" in res else always)[res["Type"]] += 1
    return always, maybe


def table(rows, headers):
    widths = [max(len(str(x)) for x in col) for col in zip(headers, *rows)]
    fmt = "  " + "  ".join(f"{{:<{w}}}" for w in widths)
    print(fmt.format(*headers))
    for r in rows:
        print(fmt.format(*r))


# --------------------------------------------------------------------------- terraform


def cmd_plan_summary(plan_path):
    """Counts the resources that `terraform show -json PLAN` would create, by
    type. Fails when nothing is created or when a plan of a fresh
    configuration wants to do anything but create."""
    plan = load_json(plan_path)
    creates, other = Counter(), []
    for rc in plan.get("resource_changes") or []:
        if rc.get("mode") != "managed":
            continue
        actions = rc.get("change", {}).get("actions", [])
        if actions == ["create"]:
            creates[rc["type"]] += 1
        elif actions != ["no-op"]:
            other.append(f"{rc.get('address')}: {'/'.join(actions)}")
    total = sum(creates.values())
    print(f"  plan: {total} to create, {len(creates)} resource types")
    table([(t, n) for t, n in sorted(creates.items())], ("resource type", "create"))
    ok = True
    if total == 0:
        print("  FAIL: the plan creates no resources")
        ok = False
    if other:
        print("  FAIL: a plan from empty state should only create, but:")
        for o in other:
            print(f"    {o}")
        ok = False
    return PASS if ok else FAIL


# ------------------------------------------------------------------- cloudformation


def cmd_params(template_path, params_path=None):
    """Fails when a parameter has neither a Default nor a value in the
    parameters file (moto, like CloudFormation, would refuse the stack)."""
    template = load_template(template_path)
    given = set()
    if params_path:
        for p in load_json(params_path):
            given.add(p.get("ParameterKey"))
    missing = [
        name
        for name, p in (template.get("Parameters") or {}).items()
        if isinstance(p, dict) and "Default" not in p and name not in given
    ]
    if missing:
        print(
            f"  FAIL: parameter(s) without a Default: {', '.join(missing)} "
            "(give them defaults, or values in <template>.parameters.json)"
        )
        return FAIL
    return PASS


def moto_supported_types():
    """Resource types that moto's CloudFormation creates; None if moto is not
    importable (then every type is expected to be created)."""
    cache = os.environ.get("CICHECK_CACHE")
    cache_file = os.path.join(cache, "moto-cfn-types.json") if cache else None
    if cache_file and os.path.exists(cache_file):
        return set(load_json(cache_file))
    try:
        from moto.cloudformation import parsing
    except ImportError:
        return None
    types = set(parsing.get_model_map())
    types -= set(getattr(parsing, "NULL_MODELS", []))
    if cache_file:
        with open(cache_file, "w", encoding="utf-8") as f:
            json.dump(sorted(types), f)
    return types


def cmd_resources(template_path, resources_path):
    """Compares, per resource type, the template's resources with what the
    stack created. Types that moto's CloudFormation does not implement are
    skipped by moto; they are reported as emulator gaps, not failures."""
    template = load_template(template_path)
    always, maybe = template_counts(template)
    summaries = load_json(resources_path).get("StackResourceSummaries", [])
    # moto lists each resource it skipped (type not implemented) as an entry
    # with an empty type and ids.
    skipped = sum(1 for r in summaries if not r.get("ResourceType"))
    summaries = [r for r in summaries if r.get("ResourceType")]
    created = Counter(r["ResourceType"] for r in summaries)
    created_ids = {r["LogicalResourceId"] for r in summaries}
    supported = moto_supported_types()

    rows, ok, gaps = [], True, []
    for rtype in sorted(set(always) | set(maybe) | set(created)):
        lo, hi = always[rtype], always[rtype] + maybe[rtype]
        want = str(lo) if lo == hi else f"{lo}-{hi}"
        got = created[rtype]
        implemented = supported is None or rtype in supported or rtype.startswith("Custom::")
        if lo <= got <= hi:
            verdict = "ok"
        elif got == 0 and not implemented:
            verdict = "gap: not in moto"
            gaps.append(rtype)
        else:
            verdict = "FAIL"
            ok = False
        rows.append((rtype, want, got, verdict))
    table(rows, ("resource type", "template", "moto", "result"))

    not_done = [
        f"{r['LogicalResourceId']} ({r['ResourceStatus']})"
        for r in summaries
        if r.get("ResourceStatus") != "CREATE_COMPLETE"
    ]
    if not_done:
        print("  FAIL: resources not CREATE_COMPLETE: " + ", ".join(not_done))
        ok = False
    if not ok:
        missing = sorted(
            lid
            for lid, res in template["Resources"].items()
            if lid not in created_ids and res.get("Type") not in gaps
        )
        extra = sorted(created_ids - set(template["Resources"]))
        if missing:
            print("  not created: " + ", ".join(missing))
        if extra:
            print("  not in the template: " + ", ".join(extra))
    if gaps:
        n = sum(always[t] + maybe[t] for t in gaps)
        print(
            f"  GAP: {n} resource(s) of {len(gaps)} type(s) not deployed: moto {moto_version()} "
            f"CloudFormation does not implement {', '.join(gaps)} (cfn-lint still checked them)"
        )
    print(
        f"  {sum(created.values())} resources created, {skipped} skipped by moto, "
        f"{len(template['Resources'])} in the template"
    )
    return PASS if ok else FAIL


def moto_version():
    try:
        from importlib.metadata import version

        return version("moto")
    except Exception:  # noqa: BLE001 - only for a message
        return "?"


def aws(endpoint, region, *args):
    cmd = ["aws", "--endpoint-url", endpoint, "--region", region, "--output", "json", *args]
    out = subprocess.run(cmd, capture_output=True, text=True)
    if out.returncode != 0:
        die(f"{' '.join(cmd)} failed: {out.stderr.strip()}", FAIL)
    return json.loads(out.stdout or "{}")


def cmd_vpc(template_path, resources_path, endpoint, region):
    """In the VPC(s) the stack created, the subnets, NAT gateways and route
    tables (less the VPC's main route table) that EC2 reports must match the
    template's counts, and every literal subnet CIDR must be there."""
    template = load_template(template_path)
    always, maybe = template_counts(template)
    summaries = load_json(resources_path).get("StackResourceSummaries", [])
    vpcs = sorted(r["PhysicalResourceId"] for r in summaries if r["ResourceType"] == "AWS::EC2::VPC")
    if not vpcs:
        print("  no AWS::EC2::VPC created by this stack: VPC check not applicable")
        return NOT_APPLICABLE
    vpc_filter = "Name=vpc-id,Values=" + ",".join(vpcs)

    subnets = aws(endpoint, region, "ec2", "describe-subnets", "--filters", vpc_filter)["Subnets"]
    # aws CLI v1 spells this one --filter
    nats = aws(endpoint, region, "ec2", "describe-nat-gateways", "--filter", vpc_filter)["NatGateways"]
    nats = [n for n in nats if n.get("State") not in ("deleted", "deleting", "failed")]
    rtbs = aws(endpoint, region, "ec2", "describe-route-tables", "--filters", vpc_filter)["RouteTables"]
    rtbs = [t for t in rtbs if not any(a.get("Main") for a in t.get("Associations", []))]

    rows, ok = [], True
    for rtype, label, got in (
        ("AWS::EC2::Subnet", "subnets", len(subnets)),
        ("AWS::EC2::NatGateway", "NAT gateways", len(nats)),
        ("AWS::EC2::RouteTable", "route tables (not main)", len(rtbs)),
    ):
        lo, hi = always[rtype], always[rtype] + maybe[rtype]
        good = lo <= got <= hi
        ok &= good
        rows.append((label, lo if lo == hi else f"{lo}-{hi}", got, "ok" if good else "FAIL"))
    table(rows, (f"in {', '.join(vpcs)}", "template", "ec2", "result"))

    want_cidrs = sorted(
        res["Properties"]["CidrBlock"]
        for res in template["Resources"].values()
        if res.get("Type") == "AWS::EC2::Subnet"
        and "Condition" not in res
        and isinstance(res.get("Properties", {}).get("CidrBlock"), str)
    )
    got_cidrs = {s.get("CidrBlock") for s in subnets}
    missing = [c for c in want_cidrs if c not in got_cidrs]
    if missing:
        print("  FAIL: subnet CIDRs in the template but not in EC2: " + ", ".join(missing))
        ok = False
    elif want_cidrs:
        print(f"  all {len(want_cidrs)} literal subnet CIDRs present; AZs: "
              + ", ".join(sorted({s.get('AvailabilityZone', '?') for s in subnets})))
    return PASS if ok else FAIL


# ------------------------------------------------------------ SNS -> SQS behaviour


def truthy(v):
    return v is True or str(v).lower() == "true"


def attributes_for(policy):
    """SNS message attributes that satisfy a simple filter policy, or None
    when the policy is too complex to satisfy mechanically."""
    attrs = {}
    for key, conds in policy.items():
        if not isinstance(conds, list) or not conds:
            return None
        c = conds[0]
        if isinstance(c, str):
            attrs[key] = {"DataType": "String", "StringValue": c}
        elif isinstance(c, bool):
            return None
        elif isinstance(c, (int, float)):
            attrs[key] = {"DataType": "Number", "StringValue": str(c)}
        elif isinstance(c, dict) and "prefix" in c:
            attrs[key] = {"DataType": "String", "StringValue": f"{c['prefix']}scaffold"}
        elif isinstance(c, dict) and c.get("exists") is True:
            attrs[key] = {"DataType": "String", "StringValue": "scaffold"}
        else:
            return None
    return attrs


def cmd_fanout(template_path, resources_path, endpoint, region):
    """Proves the SNS -> SQS wiring: for every sqs subscription in the
    template, a message published to its topic arrives in its queue (raw or
    wrapped as the template says), and, when the queue has a redrive policy,
    moves to the dead-letter queue after maxReceiveCount receives. moto's
    CloudFormation does not create AWS::SNS::Subscription, so a missing
    subscription is made through the SNS API with the template's properties
    (reported as a gap)."""
    template = load_template(template_path)
    summaries = load_json(resources_path).get("StackResourceSummaries", [])
    physical = {r["LogicalResourceId"]: r["PhysicalResourceId"] for r in summaries if r.get("ResourceType")}
    resources = template["Resources"]

    def call(*args):
        return aws(endpoint, region, *args)

    queue_arns = {}

    def queue_url(logical):
        url = physical.get(logical)
        if not url:
            raise LookupError(f"queue {logical} was not created")
        return url

    def queue_arn(logical):
        if logical not in queue_arns:
            queue_arns[logical] = call(
                "sqs", "get-queue-attributes", "--queue-url", queue_url(logical), "--attribute-names", "QueueArn"
            )["Attributes"]["QueueArn"]
        return queue_arns[logical]

    def logical_of(value, attr=None):
        """The logical id behind {"Ref": X} or {"Fn::GetAtt": [X, attr]}."""
        if isinstance(value, dict) and len(value) == 1:
            (fn, arg), = value.items()
            if fn == "Ref" and attr is None and isinstance(arg, str):
                return arg
            if fn == "Fn::GetAtt":
                parts = arg.split(".", 1) if isinstance(arg, str) else list(arg)
                if len(parts) == 2 and parts[1] == attr:
                    return parts[0]
        return None

    subs = []  # (name, topic logical, queue logical, properties)
    for lid, res in resources.items():
        props = res.get("Properties") or {}
        if res.get("Type") == "AWS::SNS::Subscription" and props.get("Protocol") == "sqs":
            subs.append((lid, logical_of(props.get("TopicArn")), logical_of(props.get("Endpoint"), "Arn"), props))
        if res.get("Type") == "AWS::SNS::Topic":
            for i, inline in enumerate(props.get("Subscription") or []):
                if inline.get("Protocol") == "sqs":
                    subs.append((f"{lid}.Subscription[{i}]", lid, logical_of(inline.get("Endpoint"), "Arn"), {}))
    if not subs:
        print("  no SNS -> SQS subscription in this template: behaviour check not applicable")
        return NOT_APPLICABLE

    ok, emulated, rows = True, [], []
    for name, topic, queue, props in subs:
        if not topic or not queue or resources.get(topic, {}).get("Type") != "AWS::SNS::Topic" \
                or resources.get(queue, {}).get("Type") != "AWS::SQS::Queue":
            print(f"  FAIL: {name}: TopicArn/Endpoint are not a Ref to a topic / GetAtt Arn of a queue in this template")
            ok = False
            continue
        try:
            topic_arn, q_url, q_arn = physical[topic], queue_url(queue), queue_arn(queue)
        except (LookupError, KeyError) as e:
            print(f"  FAIL: {name}: {e}")
            ok = False
            continue
        existing = call("sns", "list-subscriptions-by-topic", "--topic-arn", topic_arn)["Subscriptions"]
        if not any(x.get("Endpoint") == q_arn for x in existing):
            attrs = {}
            if "RawMessageDelivery" in props:
                attrs["RawMessageDelivery"] = "true" if truthy(props["RawMessageDelivery"]) else "false"
            for key in ("FilterPolicy", "RedrivePolicy"):
                if key in props:
                    v = props[key]
                    attrs[key] = v if isinstance(v, str) else json.dumps(v)
            if "FilterPolicyScope" in props:
                attrs["FilterPolicyScope"] = props["FilterPolicyScope"]
            args = ["sns", "subscribe", "--topic-arn", topic_arn, "--protocol", "sqs", "--notification-endpoint", q_arn]
            if attrs:
                args += ["--attributes", json.dumps(attrs)]
            call(*args)
            emulated.append(name)

        # Publish one message that this subscription's filter lets through.
        message = f"scaffold-check {name}"
        args = ["sns", "publish", "--topic-arn", topic_arn, "--message", message]
        policy = props.get("FilterPolicy")
        if isinstance(policy, str):
            policy = json.loads(policy)
        if policy:
            if props.get("FilterPolicyScope") == "MessageBody":
                print(f"  note: {name}: filter on the message body; published a body that matches nothing else")
            attrs = attributes_for(policy)
            if attrs is None:
                print(f"  note: {name}: filter policy too complex to satisfy automatically; not published")
                rows.append((name, queue, "skipped", "-"))
                continue
            args += ["--message-attributes", json.dumps(attrs)]
        topic_props = resources[topic].get("Properties") or {}
        if truthy(topic_props.get("FifoTopic")) or str(topic_arn).endswith(".fifo"):
            args += ["--message-group-id", "scaffold-check", "--message-deduplication-id", name.replace(".", "-")[:128]]
        call(*args)

        raw = truthy(props.get("RawMessageDelivery", False))
        got = None
        for _ in range(3):
            msgs = call(
                "sqs", "receive-message", "--queue-url", q_url, "--max-number-of-messages", "10",
                "--visibility-timeout", "0", "--wait-time-seconds", "1",
            ).get("Messages", [])
            for m in msgs:
                body = m.get("Body", "")
                if raw and body == message:
                    got = "raw"
                elif not raw:
                    try:
                        if json.loads(body).get("Message") == message:
                            got = "sns envelope"
                    except ValueError:
                        pass
            if got:
                break
        if not got:
            print(f"  FAIL: {name}: the message published to {topic} did not arrive in {queue} "
                  f"({'raw' if raw else 'SNS envelope'} delivery expected)")
            ok = False
            rows.append((name, queue, "not received", "-"))
            continue

        # Dead-letter queue: after maxReceiveCount receives the message moves.
        dlq_result = "-"
        redrive = call("sqs", "get-queue-attributes", "--queue-url", q_url, "--attribute-names", "RedrivePolicy")
        redrive = (redrive.get("Attributes") or {}).get("RedrivePolicy")
        if redrive:
            redrive = json.loads(redrive)
            max_receives = int(redrive.get("maxReceiveCount", 1))
            dlq_name = redrive["deadLetterTargetArn"].split(":")[-1]
            dlq_url = call("sqs", "get-queue-url", "--queue-name", dlq_name)["QueueUrl"]
            for _ in range(max_receives + 1):  # one receive already happened
                if not call("sqs", "receive-message", "--queue-url", q_url, "--max-number-of-messages", "10",
                            "--visibility-timeout", "0").get("Messages"):
                    break
            moved = call("sqs", "receive-message", "--queue-url", dlq_url, "--max-number-of-messages", "10",
                         "--visibility-timeout", "0").get("Messages", [])
            if any(message in m.get("Body", "") for m in moved):
                dlq_result = f"in {dlq_name} after {max_receives} receives"
            else:
                dlq_result = f"NOT in {dlq_name}"
                print(f"  FAIL: {name}: after {max_receives} receives the message did not reach the DLQ {dlq_name}")
                ok = False
        rows.append((name, queue, got, dlq_result))

    table(rows, ("subscription", "queue", "delivered", "dead-letter queue"))
    if emulated:
        print(f"  GAP: moto {moto_version()} CloudFormation does not create AWS::SNS::Subscription: "
              f"{len(emulated)} subscription(s) made through the SNS API with the template's properties")
    return PASS if ok else FAIL


COMMANDS = {
    "fanout": (cmd_fanout, 4, 4),
    "plan-summary": (cmd_plan_summary, 1, 1),
    "params": (cmd_params, 1, 2),
    "resources": (cmd_resources, 2, 2),
    "vpc": (cmd_vpc, 4, 4),
}


def main(argv):
    if len(argv) < 2 or argv[1] not in COMMANDS:
        die(__doc__.strip())
    fn, lo, hi = COMMANDS[argv[1]]
    args = argv[2:]
    if not lo <= len(args) <= hi:
        die(__doc__.strip())
    return fn(*args)


if __name__ == "__main__":
    sys.exit(main(sys.argv))
