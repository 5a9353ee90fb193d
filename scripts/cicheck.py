#!/usr/bin/env python3
"""Helpers for scripts/check-examples.sh: reading Terraform plans and
CloudFormation templates, and comparing what moto created with the template.

Run with the python that has cfn-lint (its YAML loader reads CloudFormation
short tags such as !Ref and !GetAZs) and moto (to know which resource types
moto's CloudFormation implements).

  cicheck.py plan-summary PLAN.json
  cicheck.py plan-regions PLAN.json
  cicheck.py params TEMPLATE [PARAMETERS.json]
  cicheck.py moto-template TEMPLATE OUT.json
  cicheck.py resources TEMPLATE STACK_RESOURCES.json
  cicheck.py vpc TEMPLATE STACK_RESOURCES.json ENDPOINT REGION
  cicheck.py fanout TEMPLATE STACK_RESOURCES.json ENDPOINT REGION
  cicheck.py s3 TEMPLATE STACK_RESOURCES.json ENDPOINT REGION
  cicheck.py buildspec-script BUILDSPEC OUT.sh
  cicheck.py buildspec-command BUILDSPEC TEXT

Exit codes: 0 pass, 1 fail, 2 usage or unreadable input, 3 not applicable.
"""

import json
import os
import subprocess
import sys
import uuid
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


def cmd_plan_regions(plan_path):
    """For a multi-stack root module (module "<stack>" per stack, each with
    the provider alias of variable <stack>_region): every resource of
    module.<stack> is planned in that variable's region, and every module
    plans something. Regionless resources (IAM, Route 53) are counted as
    global. Not applicable to a plan without modules."""
    plan = load_json(plan_path)
    variables = plan.get("variables") or {}
    counts, bad, modules = Counter(), [], set()
    for rc in plan.get("resource_changes") or []:
        if rc.get("mode") != "managed" or not rc.get("module_address"):
            continue
        stack = rc["module_address"].removeprefix("module.").split(".")[0]
        modules.add(stack)
        want = (variables.get(f"{stack}_region") or {}).get("value")
        region = (rc.get("change", {}).get("after") or {}).get("region")
        counts[(stack, region or "(global)")] += 1
        if want is None:
            bad.append(f"{rc['address']}: no variable {stack}_region in the root module")
        elif region is not None and region != want:
            bad.append(f"{rc['address']}: planned in {region}, want {want} ({stack}_region)")
    if not modules:
        print("  no module resources: not a multi-stack root module")
        return NOT_APPLICABLE
    table([(m, r, n) for (m, r), n in sorted(counts.items())], ("module", "region", "resources"))
    for b in bad:
        print(f"  FAIL: {b}")
    return FAIL if bad else PASS


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


def moto_kms_tags_broken():
    """Why moto's CloudFormation cannot create an AWS::KMS::Key that has Tags,
    or None if it can. moto 5.2.1 hands CloudFormation's Key/Value tags to its
    KMS tagger, which wants TagKey/TagValue: the KeyError is swallowed and the
    stack fails later with a misleading "Fn::GetAtt references undefined
    resource". Probed in-process (moto's in-memory backend, no server), once
    per run, so the workaround retires itself when moto is fixed."""
    cache = os.environ.get("CICHECK_CACHE")
    cache_file = os.path.join(cache, "moto-kms-tags.json") if cache else None
    if cache_file and os.path.exists(cache_file):
        return load_json(cache_file).get("broken")
    try:
        from moto.kms.models import Key

        Key.create_from_cloudformation_json(
            "CicheckProbe",
            {"Properties": {"KeyPolicy": {"Version": "2012-10-17", "Statement": []},
                            "Tags": [{"Key": "cicheck", "Value": "probe"}]}},
            "000000000000",
            "us-east-1",
        )
        broken = None
    except ImportError:
        broken = None  # no moto to probe: deploy the template as it is
    except Exception as e:  # noqa: BLE001 - any failure means: don't send the tags
        broken = f"{type(e).__name__} {e}"
    if cache_file:
        with open(cache_file, "w", encoding="utf-8") as f:
            json.dump({"broken": broken}, f)
    return broken


def cmd_moto_template(template_path, out_path):
    """Writes to OUT (JSON) the copy of the template to deploy to moto when
    moto can't take the template as it is, and exits 0; exits 3 (nothing
    written) when the original can be deployed. The only change so far: the
    Tags of AWS::KMS::Key are dropped when moto can't create tagged keys
    (reported as a gap). cfn-lint checks the original either way."""
    template = load_template(template_path)
    changed = []
    why = None
    for lid, res in template["Resources"].items():
        if not isinstance(res, dict) or res.get("Type") != "AWS::KMS::Key":
            continue
        props = res.get("Properties")
        if isinstance(props, dict) and "Tags" in props:
            why = why or moto_kms_tags_broken()
            if not why:
                break
            del props["Tags"]
            changed.append(lid)
    if changed:
        print(
            f"  GAP: moto {moto_version()} CloudFormation cannot create an AWS::KMS::Key with Tags ({why}): "
            f"deployed a copy of the template without the Tags of {', '.join(changed)} (cfn-lint checked the original)"
        )
    # moto refuses a listener whose certificate is not in its own ACM. A
    # literal ACM ARN (the user's certificate) is swapped for one requested
    # from moto, so the rest of the stack is still deployed and checked.
    certs = substitute_certificates(template)
    if certs:
        changed += certs
        print(
            f"  GAP: moto {moto_version()} only accepts certificates from its own ACM: listener(s) "
            f"{', '.join(certs)} deployed with a certificate requested from moto instead of the template's ARN"
        )
    # moto's AWS::RDS::DBInstance answers GetAtt for the endpoint only, and
    # its load balancers do not answer CanonicalHostedZoneID: the copy
    # builds the ARNs from the Ref (the identifier), as AWS reports them,
    # and uses the zone ID moto's ELBv2 API reports.
    attrs = substitute_attributes(template)
    if attrs:
        changed += attrs
        print(
            f"  GAP: moto {moto_version()} CloudFormation does not answer Fn::GetAtt {', '.join(attrs)}: "
            "the copy builds DB ARNs from the instance's identifier with Fn::Sub and uses moto's fixed load balancer zone ID "
            "(cfn-lint checked the original)"
        )
    # moto skips resource types it does not implement, but then refuses the
    # whole template when another resource reads one of them (GetAtt, Ref,
    # Sub or DependsOn). Such resources are left out of the copy and every
    # reference to them becomes a placeholder string, so the rest of the
    # stack is still created and checked; the resources check reports the
    # missing types as gaps.
    stubbed = stub_unimplemented(template)
    if stubbed:
        changed += stubbed
        print(
            f"  GAP: moto {moto_version()} CloudFormation does not implement {', '.join(sorted(set(stubbed.values())))}: "
            f"deployed a copy without {', '.join(sorted(stubbed))}, whose references read placeholders "
            "(cfn-lint checked the original)"
        )
    if not changed:
        return NOT_APPLICABLE
    with open(out_path, "w", encoding="utf-8") as f:
        json.dump(template, f, separators=(",", ":"), default=str)
    return PASS


# MOTO_LB_ZONE is the canonical hosted zone ID moto's ELBv2 API gives every
# load balancer.
MOTO_LB_ZONE = "Z2P70J7EXAMPLE"


def substitute_attributes(template):
    """Replaces the Fn::GetAtt that moto 5.2 cannot resolve: a DB
    instance's DBInstanceArn and MasterUserSecret.SecretArn become the
    Fn::Sub that gives the same ARN from the instance's identifier (its
    Ref), a load balancer's CanonicalHostedZoneID the zone ID moto's API
    reports. Returns the "Resource.Attribute" strings replaced."""
    resources = template["Resources"]
    formats = {
        ("AWS::RDS::DBInstance", "DBInstanceArn"): lambda lid: {"Fn::Sub": "arn:${AWS::Partition}:rds:${AWS::Region}:${AWS::AccountId}:db:${%s}" % lid},
        ("AWS::RDS::DBInstance", "MasterUserSecret.SecretArn"): lambda lid: {
            "Fn::Sub": "arn:${AWS::Partition}:secretsmanager:${AWS::Region}:${AWS::AccountId}:secret:rds!db-${%s}" % lid
        },
        ("AWS::ElasticLoadBalancingV2::LoadBalancer", "CanonicalHostedZoneID"): lambda lid: MOTO_LB_ZONE,
    }
    replaced = []

    def visit(node):
        if isinstance(node, dict):
            if len(node) == 1 and "Fn::GetAtt" in node:
                target = node["Fn::GetAtt"]
                if isinstance(target, str):
                    target = target.split(".", 1)
                if isinstance(target, list) and len(target) == 2 and isinstance(resources.get(target[0]), dict):
                    make = formats.get((resources[target[0]].get("Type"), target[1]))
                    if make:
                        replaced.append(f"{target[0]}.{target[1]}")
                        return make(target[0])
            return {k: visit(v) for k, v in node.items()}
        if isinstance(node, list):
            return [visit(v) for v in node]
        return node

    for section in ("Resources", "Outputs"):
        if isinstance(template.get(section), dict):
            template[section] = visit(template[section])
    return sorted(set(replaced))


def stub_unimplemented(template):
    """Removes the resources whose type moto's CloudFormation does not
    implement when something else in the template refers to them, and
    replaces those references with placeholder strings; returns
    {logical id: type} of the removed resources. Nothing changes when moto
    is not importable or nothing refers to an unimplemented resource."""
    supported = moto_supported_types()
    if supported is None:
        return {}
    resources = template["Resources"]
    missing = {
        lid: res.get("Type")
        for lid, res in resources.items()
        if isinstance(res, dict) and res.get("Type") not in supported and not str(res.get("Type", "")).startswith("Custom::")
    }
    if not missing:
        return {}

    def placeholder(lid, attr=None):
        return f"arn:aws:moto-gap:::{lid}/{attr}" if attr else f"moto-gap-{lid}"

    referenced = set()

    def rewrite(v):
        if isinstance(v, dict):
            if len(v) == 1:
                (fn, arg), = v.items()
                if fn == "Ref" and arg in missing:
                    referenced.add(arg)
                    return placeholder(arg)
                if fn == "Fn::GetAtt":
                    parts = arg.split(".", 1) if isinstance(arg, str) else list(arg)
                    if parts and parts[0] in missing:
                        referenced.add(parts[0])
                        return placeholder(parts[0], parts[1] if len(parts) > 1 else "Arn")
                if fn == "Fn::Sub":
                    text = arg[0] if isinstance(arg, list) else arg
                    if isinstance(text, str):
                        for lid in missing:
                            for var, value in ((f"${{{lid}}}", placeholder(lid)),):
                                if var in text:
                                    referenced.add(lid)
                                    text = text.replace(var, value)
                            for attr in ("Arn", "Id", "Name"):
                                var = f"${{{lid}.{attr}}}"
                                if var in text:
                                    referenced.add(lid)
                                    text = text.replace(var, placeholder(lid, attr))
                        if isinstance(arg, list):
                            return {fn: [text] + [rewrite(x) for x in arg[1:]]}
                        return {fn: text}
            return {k: rewrite(x) for k, x in v.items()}
        if isinstance(v, list):
            return [rewrite(x) for x in v]
        return v

    for lid, res in list(resources.items()):
        if lid in missing or not isinstance(res, dict):
            continue
        resources[lid] = rewrite(res)
        depends = res.get("DependsOn")
        if depends is not None:
            kept = [d for d in ([depends] if isinstance(depends, str) else depends) if d not in missing]
            referenced.update(d for d in ([depends] if isinstance(depends, str) else depends) if d in missing)
            if kept:
                resources[lid]["DependsOn"] = kept
            else:
                resources[lid].pop("DependsOn", None)
    if "Outputs" in template:
        template["Outputs"] = rewrite(template["Outputs"])
    if not referenced:
        # Nothing reads them: moto skips them on its own, as it always has.
        return {}
    for lid in missing:
        del resources[lid]
    return missing


def substitute_certificates(template):
    """Replaces literal ACM certificate ARNs of listeners with a certificate
    requested from the moto server named by CICHECK_MOTO_ENDPOINT; returns
    the listeners changed."""
    endpoint = os.environ.get("CICHECK_MOTO_ENDPOINT")
    listeners = []
    for lid, res in template["Resources"].items():
        if not isinstance(res, dict) or res.get("Type") != "AWS::ElasticLoadBalancingV2::Listener":
            continue
        for cert in (res.get("Properties") or {}).get("Certificates") or []:
            arn = cert.get("CertificateArn") if isinstance(cert, dict) else None
            if isinstance(arn, str) and arn.startswith("arn:") and ":acm:" in arn:
                listeners.append((lid, cert))
    if not listeners or not endpoint:
        return []
    import boto3

    acm = boto3.session.Session(region_name=os.environ.get("AWS_DEFAULT_REGION", "us-east-1")).client(
        "acm", endpoint_url=endpoint
    )
    moto_arn = acm.request_certificate(DomainName="scaffold-check.example.com")["CertificateArn"]
    for _, cert in listeners:
        cert["CertificateArn"] = moto_arn
    return [lid for lid, _ in listeners]


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


def cmd_asg(template_path, resources_path, endpoint, region):
    """Every Auto Scaling group the stack created must report, through
    describe-auto-scaling-groups, the sizes and the mixed instances policy
    (instance types in order, On-Demand base and percentage, Spot
    strategy) that the template gives it."""
    template = load_template(template_path)
    summaries = load_json(resources_path).get("StackResourceSummaries", [])
    physical = {r["LogicalResourceId"]: r["PhysicalResourceId"] for r in summaries if r.get("ResourceType")}
    groups = [(lid, res) for lid, res in template["Resources"].items()
              if isinstance(res, dict) and res.get("Type") == "AWS::AutoScaling::AutoScalingGroup"]
    if not groups:
        print("  no AWS::AutoScaling::AutoScalingGroup in this template: check not applicable")
        return NOT_APPLICABLE
    ok = True
    for lid, res in groups:
        name = physical.get(lid)
        if not name:
            print(f"  FAIL: {lid} was not created")
            ok = False
            continue
        found = aws(endpoint, region, "autoscaling", "describe-auto-scaling-groups",
                    "--auto-scaling-group-names", name)["AutoScalingGroups"]
        if not found:
            print(f"  FAIL: describe-auto-scaling-groups does not know {name}")
            ok = False
            continue
        got, props = found[0], res.get("Properties") or {}
        policy = props.get("MixedInstancesPolicy") or {}
        want_dist = policy.get("InstancesDistribution") or {}
        got_policy = got.get("MixedInstancesPolicy") or {}
        got_dist = got_policy.get("InstancesDistribution") or {}
        want_types = [o.get("InstanceType") for o in (policy.get("LaunchTemplate") or {}).get("Overrides") or []]
        got_types = [o.get("InstanceType") for o in (got_policy.get("LaunchTemplate") or {}).get("Overrides") or []]
        rows = [
            ("MinSize", str(props.get("MinSize")), str(got.get("MinSize"))),
            ("MaxSize", str(props.get("MaxSize")), str(got.get("MaxSize"))),
            ("instance types", ",".join(map(str, want_types)), ",".join(map(str, got_types))),
        ]
        for key in ("OnDemandBaseCapacity", "OnDemandPercentageAboveBaseCapacity", "SpotAllocationStrategy"):
            rows.append((key, str(want_dist.get(key)), str(got_dist.get(key))))
        print(f"  {lid} ({name}):")
        table([(k, w, g, "ok" if w == g else "MISMATCH") for k, w, g in rows], ["setting", "template", "moto", ""])
        if any(w != g for _, w, g in rows):
            ok = False
    return PASS if ok else FAIL


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


def body_for(policy):
    """A JSON message body (as a dict) that satisfies a simple MessageBody
    filter policy, or None (same limits as attributes_for)."""
    attrs = attributes_for(policy)
    if attrs is None:
        return None
    return {
        k: (float(a["StringValue"]) if a["DataType"] == "Number" else a["StringValue"])
        for k, a in attrs.items()
    }


def passes_without_attributes(policy, scope):
    """Whether a message with no attributes and a plain-text body passes the
    filter policy: only when every key allows {"exists": false}."""
    if scope == "MessageBody":
        return False
    return all(
        isinstance(conds, list) and any(isinstance(c, dict) and c.get("exists") is False for c in conds)
        for conds in policy.values()
    )


def parse_json_prop(v):
    """A template property that may be given as an object or a JSON string."""
    if isinstance(v, str):
        try:
            return json.loads(v)
        except ValueError:
            return v
    return v


def cmd_fanout(template_path, resources_path, endpoint, region):
    """Proves what the fan-out promises, per SNS topic with sqs subscriptions:

    (a) one message published with no attributes arrives in every queue whose
        subscription has no filter policy (the raw body when RawMessageDelivery
        is on, the SNS JSON envelope otherwise) and in no queue whose
        subscription has one;
    (b) for each filtered subscription, a message that matches its filter
        arrives in its queue;
    (c) in every queue with a redrive policy, that message is received
        exactly maxReceiveCount times without being deleted, then moves to the
        dead-letter queue and is gone from the queue.

    The topic's queues and dead-letter queues are purged before each publish,
    and FIFO topics get a message group and a fresh deduplication id per
    publish, so one step's message can't satisfy another. moto's
    CloudFormation does not create AWS::SNS::Subscription, so a missing
    subscription is made through the SNS API with the template's properties
    (reported as a gap); subscriptions that exist must have the template's
    raw delivery and filter policy."""
    template = load_template(template_path)
    summaries = load_json(resources_path).get("StackResourceSummaries", [])
    physical = {r["LogicalResourceId"]: r["PhysicalResourceId"] for r in summaries if r.get("ResourceType")}
    resources = template["Resources"]

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

    subs = []  # dicts: name, topic, queue (logical ids), props
    for lid, res in resources.items():
        props = res.get("Properties") or {}
        if res.get("Type") == "AWS::SNS::Subscription" and props.get("Protocol") == "sqs":
            subs.append({"name": lid, "topic": logical_of(props.get("TopicArn")),
                         "queue": logical_of(props.get("Endpoint"), "Arn"), "props": props})
        if res.get("Type") == "AWS::SNS::Topic":
            for i, inline in enumerate(props.get("Subscription") or []):
                if inline.get("Protocol") == "sqs":
                    subs.append({"name": f"{lid}.Subscription[{i}]", "topic": lid,
                                 "queue": logical_of(inline.get("Endpoint"), "Arn"), "props": {}})
    if not subs:
        print("  no SNS -> SQS subscription in this template: behaviour check not applicable")
        return NOT_APPLICABLE

    try:
        import boto3
        from botocore.config import Config
        from botocore.exceptions import BotoCoreError, ClientError
    except ImportError:
        die("python module boto3 not found: run with the python that has moto (boto3 comes with it)")
    # boto3 rather than the aws CLI: this check makes a few hundred calls, and
    # each CLI start costs about half a second.
    session = boto3.session.Session(region_name=region)
    cfg = Config(retries={"max_attempts": 2, "mode": "standard"}, connect_timeout=5, read_timeout=30)
    sns = session.client("sns", endpoint_url=endpoint, config=cfg)
    sqs = session.client("sqs", endpoint_url=endpoint, config=cfg)
    try:
        return fanout_check(template, resources, physical, subs, sns, sqs)
    except (BotoCoreError, ClientError) as e:
        print(f"  FAIL: SNS/SQS call failed: {e}")
        return FAIL


def fanout_check(template, resources, physical, subs, sns, sqs):
    """cmd_fanout's work, given boto3 SNS and SQS clients."""
    ok = True
    gaps = []
    emulated = []

    def fail(msg):
        nonlocal ok
        print(f"  FAIL: {msg}")
        ok = False

    queue_arns = {}

    def queue_arn(url):
        if url not in queue_arns:
            queue_arns[url] = sqs.get_queue_attributes(QueueUrl=url, AttributeNames=["QueueArn"])["Attributes"]["QueueArn"]
        return queue_arns[url]

    # ---- wiring: each subscription's topic, queue, dead-letter queue, and the
    # subscription itself (made through the API when moto skipped it).
    good = []
    for s in subs:
        name, topic, queue, props = s["name"], s["topic"], s["queue"], s["props"]
        if not topic or not queue or resources.get(topic, {}).get("Type") != "AWS::SNS::Topic" \
                or resources.get(queue, {}).get("Type") != "AWS::SQS::Queue":
            fail(f"{name}: TopicArn/Endpoint are not a Ref to a topic / GetAtt Arn of a queue in this template")
            continue
        if topic not in physical or queue not in physical:
            fail(f"{name}: {topic if topic not in physical else queue} was not created")
            continue
        s["topic_arn"], s["url"] = physical[topic], physical[queue]
        s["arn"] = queue_arn(s["url"])
        s["raw"] = truthy(props.get("RawMessageDelivery", False))
        policy = parse_json_prop(props.get("FilterPolicy"))
        s["policy"] = policy if policy else None
        s["scope"] = props.get("FilterPolicyScope") or "MessageAttributes"

        existing = [x for x in sns.list_subscriptions_by_topic(TopicArn=s["topic_arn"])["Subscriptions"]
                    if x.get("Endpoint") == s["arn"] and x.get("Protocol") == "sqs"]
        if existing:
            got = sns.get_subscription_attributes(SubscriptionArn=existing[0]["SubscriptionArn"])["Attributes"]
            got_raw = truthy(got.get("RawMessageDelivery", "false"))
            got_policy = parse_json_prop(got.get("FilterPolicy")) or None
            if got_raw != s["raw"] or got_policy != s["policy"]:
                fail(f"{name}: the subscription moto created has RawMessageDelivery={got_raw} and FilterPolicy="
                     f"{json.dumps(got_policy)}; the template says {s['raw']} and {json.dumps(s['policy'])}")
                continue
        else:
            attrs = {}
            if "RawMessageDelivery" in props:
                attrs["RawMessageDelivery"] = "true" if s["raw"] else "false"
            for key in ("FilterPolicy", "RedrivePolicy"):
                if key in props:
                    v = props[key]
                    attrs[key] = v if isinstance(v, str) else json.dumps(v)
            if "FilterPolicyScope" in props:
                attrs["FilterPolicyScope"] = props["FilterPolicyScope"]
            sns.subscribe(TopicArn=s["topic_arn"], Protocol="sqs", Endpoint=s["arn"],
                          Attributes=attrs, ReturnSubscriptionArn=True)
            emulated.append(name)

        # The dead-letter queue, as SQS reports it, checked against the template.
        s["dlq_url"], s["max_receives"] = None, None
        redrive = sqs.get_queue_attributes(QueueUrl=s["url"], AttributeNames=["RedrivePolicy"])
        redrive = (redrive.get("Attributes") or {}).get("RedrivePolicy")
        want = parse_json_prop((resources[queue].get("Properties") or {}).get("RedrivePolicy"))
        if redrive:
            redrive = json.loads(redrive)
            s["max_receives"] = int(redrive.get("maxReceiveCount", 1))
            s["dlq_name"] = redrive["deadLetterTargetArn"].split(":")[-1]
            s["dlq_url"] = sqs.get_queue_url(QueueName=s["dlq_name"])["QueueUrl"]
            want_dlq = logical_of_getatt_arn(want.get("deadLetterTargetArn")) if isinstance(want, dict) else None
            if want_dlq and str(physical.get(want_dlq, "")).rstrip("/").split("/")[-1] != s["dlq_name"]:
                fail(f"{name}: {queue}'s dead-letter queue is {s['dlq_name']}, not the template's {want_dlq}")
            want_max = want.get("maxReceiveCount") if isinstance(want, dict) else None
            if str(want_max).isdigit() and int(want_max) != s["max_receives"]:
                fail(f"{name}: {queue}'s maxReceiveCount is {s['max_receives']}, "
                     f"the template says {want.get('maxReceiveCount')}")
        elif want:
            fail(f"{name}: {queue} has a RedrivePolicy in the template but none in SQS")
        good.append(s)

    # ---- behaviour, topic by topic
    def receive(url, wait):
        return sqs.receive_message(QueueUrl=url, MaxNumberOfMessages=10, VisibilityTimeout=0,
                                   WaitTimeSeconds=wait, AttributeNames=["All"],
                                   MessageAttributeNames=["All"]).get("Messages", [])

    def delivery(body, message, topic_arn):
        """'raw' or 'envelope' if the SQS body carries `message`, else None."""
        if body == message:
            return "raw"
        try:
            env = json.loads(body)
        except ValueError:
            return None
        if isinstance(env, dict) and env.get("Type") == "Notification" \
                and env.get("Message") == message and env.get("TopicArn") == topic_arn:
            return "envelope"
        return None

    def await_message(s, message, receives):
        """The first copy of `message` received from s's queue within
        `receives` receives of up to 1 s: (delivery, body), or (None, None)."""
        for _ in range(receives):
            for m in receive(s["url"], 1):
                how = delivery(m.get("Body", ""), message, s["topic_arn"])
                if how:
                    return how, m["Body"]
        return None, None

    def redrive_check(s, body):
        """The message was received once; it must be received exactly
        maxReceiveCount times in all, then be in the DLQ, not in the queue."""
        n = s["max_receives"]
        received = 1
        while received < n:
            if not any(m.get("Body") == body for m in receive(s["url"], 1)):
                fail(f"{s['name']}: the message left {s['queue']} after {received} receives, "
                     f"before maxReceiveCount ({n})")
                return f"FAIL: gone after {received} of {n} receives"
            received += 1
        # The next receive moves it (SQS moves a message once its receive
        # count has reached maxReceiveCount).
        if any(m.get("Body") == body for m in receive(s["url"], 0)):
            fail(f"{s['name']}: received a {n + 1}th time from {s['queue']}; maxReceiveCount is {n}")
            return f"FAIL: received {n + 1} times"
        for _ in range(3):
            if any(m.get("Body") == body for m in receive(s["dlq_url"], 1)):
                return f"in {s['dlq_name']} after {n} receives"
        fail(f"{s['name']}: after {n} receives the message left {s['queue']} but is not in its DLQ {s['dlq_name']}")
        return f"FAIL: not in {s['dlq_name']}"

    nonce = uuid.uuid4().hex[:8]
    topics = []
    for s in good:
        if s["topic"] not in topics:
            topics.append(s["topic"])
    for topic in topics:
        tsubs = [s for s in good if s["topic"] == topic]
        topic_arn = tsubs[0]["topic_arn"]
        fifo = truthy((resources[topic].get("Properties") or {}).get("FifoTopic")) or topic_arn.endswith(".fifo")
        urls = list(dict.fromkeys([u for s in tsubs for u in (s["url"], s["dlq_url"]) if u]))
        published = 0

        def purge():
            for u in urls:
                sqs.purge_queue(QueueUrl=u)

        def publish(message, attributes=None):
            nonlocal published
            kw = {"TopicArn": topic_arn, "Message": message}
            if attributes:
                kw["MessageAttributes"] = attributes
            if fifo:
                kw["MessageGroupId"] = "scaffold-check"
                kw["MessageDeduplicationId"] = uuid.uuid4().hex
            sns.publish(**kw)
            published += 1

        cells = {s["name"]: {"a": "-", "b": "-", "dlq": "-"} for s in tsubs}

        def expect_arrival(s, message, step):
            how, body = await_message(s, message, 5)
            want = "raw" if s["raw"] else "envelope"
            if how == want:
                cells[s["name"]][step] = f"received ({how})"
                if s["dlq_url"] and cells[s["name"]]["dlq"] == "-":
                    cells[s["name"]]["dlq"] = redrive_check(s, body)
            elif how:
                cells[s["name"]][step] = f"FAIL: {how}, {want} expected"
                fail(f"{s['name']}: the message arrived in {s['queue']} as {how}; "
                     f"RawMessageDelivery={str(s['raw']).lower()} wants {want}")
            else:
                cells[s["name"]][step] = "FAIL: not received"
                fail(f"{s['name']}: the message published to {topic} did not arrive in {s['queue']}")

        # (a) one message without attributes: every unfiltered queue, no filtered one.
        purge()
        message = f"scaffold-check {topic} no-attributes {nonce}"
        publish(message)
        passes = {s["name"]: not s["policy"] or passes_without_attributes(s["policy"], s["scope"]) for s in tsubs}
        for s in sorted(tsubs, key=lambda s: not passes[s["name"]]):  # arrivals first, then absences
            if passes[s["name"]]:
                expect_arrival(s, message, "a")
                continue
            how, _ = await_message(s, message, 2)
            if how:
                cells[s["name"]]["a"] = f"FAIL: received ({how}) despite the filter"
                fail(f"{s['name']}: a message without attributes passed the filter policy into {s['queue']}")
            else:
                cells[s["name"]]["a"] = "not received (filtered)"

        # (b) per filtered subscription, a message that matches its filter.
        for s in tsubs:
            if not s["policy"]:
                cells[s["name"]]["b"] = "n/a (no filter)"
                continue
            if passes[s["name"]]:
                cells[s["name"]]["b"] = "n/a ((a) matches the filter)"
                continue
            if s["scope"] == "MessageBody":
                body = body_for(s["policy"])
                attributes = {}
                if body is not None:
                    body["scaffoldCheck"] = f"{s['name']} {nonce}"
                    message = json.dumps(body, sort_keys=True)
            else:
                attributes = attributes_for(s["policy"])
                message = f"scaffold-check {topic} matches {s['name']} {nonce}"
                body = attributes
            if body is None:
                cells[s["name"]]["b"] = "not checked (gap)"
                gaps.append(f"filter policy of {s['name']} is too complex to build a matching message: "
                            "its filtered delivery was not checked")
                continue
            purge()
            publish(message, attributes)
            expect_arrival(s, message, "b")
        purge()

        for s in tsubs:
            if not s["dlq_url"]:
                cells[s["name"]]["dlq"] = "no redrive policy"
            elif cells[s["name"]]["dlq"] == "-":
                cells[s["name"]]["dlq"] = "not checked (no correct delivery)"
                if ok:  # only possible through a gap above
                    gaps.append(f"{s['name']}: dead-letter move not checked (no message could be delivered)")

        print(f"  topic {topic} ({topic_arn}{', FIFO' if fifo else ''}): {published} message(s) published")
        rows = []
        for s in tsubs:
            c = cells[s["name"]]
            policy = "none" if not s["policy"] else json.dumps(s["policy"], separators=(",", ":"))
            if len(policy) > 40:
                policy = policy[:37] + "..."
            rows.append((s["queue"], "raw" if s["raw"] else "envelope", policy, c["a"], c["b"], c["dlq"]))
        table(rows, ("queue", "delivery", "filter", "(a) no-attribute message", "(b) matching message",
                     "(c) dead-letter queue"))

    if emulated:
        print(f"  GAP: moto {moto_version()} CloudFormation does not create AWS::SNS::Subscription: "
              f"{len(emulated)} subscription(s) made through the SNS API with the template's properties")
    for g in gaps:
        print(f"  GAP: {g}")
    return PASS if ok else FAIL


def logical_of_getatt_arn(value):
    """X in {"Fn::GetAtt": [X, "Arn"]} (or "X.Arn"), else None."""
    if isinstance(value, dict) and list(value) == ["Fn::GetAtt"]:
        arg = value["Fn::GetAtt"]
        parts = arg.split(".", 1) if isinstance(arg, str) else list(arg)
        if len(parts) == 2 and parts[1] == "Arn":
            return parts[0]
    return None


# ------------------------------------------------------------------- buildspecs

BUILDSPEC_PHASES = ("install", "pre_build", "build", "post_build")


def buildspec_commands(path):
    """The commands of a CodeBuild build specification in phase order."""
    try:
        import yaml
    except ImportError:
        die("python module yaml not found: run with the python that has cfn-lint")
    try:
        with open(path, encoding="utf-8") as f:
            spec = yaml.safe_load(f)
    except (OSError, yaml.YAMLError) as e:
        die(f"cannot read {path}: {e}")
    phases = (spec or {}).get("phases") or {}
    commands = []
    for phase in BUILDSPEC_PHASES:
        commands += (phases.get(phase) or {}).get("commands") or []
    if not commands:
        die(f"{path}: no commands", FAIL)
    return commands


def cmd_buildspec_script(path, out_path):
    """Writes the build specification's commands as one bash script, under
    the strict options (set -euo pipefail) they must survive, for bash -n
    and shellcheck. CodeBuild runs them in one shell, in this order."""
    commands = buildspec_commands(path)
    with open(out_path, "w", encoding="utf-8") as f:
        f.write(f"#!/usr/bin/env bash\n# commands of {os.path.basename(path)}\nset -euo pipefail\n")
        f.write("\n".join(commands) + "\n")
    print(f"  {len(commands)} commands from {path}")
    return PASS


def cmd_buildspec_command(path, text):
    """Prints the first command that contains TEXT."""
    for c in buildspec_commands(path):
        if text in c:
            print(c)
            return PASS
    print(f"cicheck: no command of {path} contains {text!r}", file=sys.stderr)
    return FAIL


# ------------------------------------------------------------------------ S3


def cmd_s3(template_path, resources_path, endpoint, region):
    """Every bucket the stack created must report, through the S3 API, the
    versioning, default encryption (the stack's own KMS key), public access
    block and ownership controls its template properties give it. moto's
    CloudFormation applies only some of these (5.2.1: the encryption
    algorithm and key); a setting moto reports as absent is a gap, not a
    failure, while a setting it reports differently fails."""
    template = load_template(template_path)
    summaries = load_json(resources_path).get("StackResourceSummaries", [])
    physical = {r["LogicalResourceId"]: r["PhysicalResourceId"] for r in summaries if r.get("ResourceType")}
    buckets = [(lid, res.get("Properties") or {}) for lid, res in template["Resources"].items()
               if isinstance(res, dict) and res.get("Type") == "AWS::S3::Bucket"]
    if not buckets:
        print("  no AWS::S3::Bucket in this template: check not applicable")
        return NOT_APPLICABLE
    ok, gaps = True, set()

    def get(command, name, *path):
        """A value from an s3api get command, or None when moto has none."""
        cmd = ["aws", "--endpoint-url", endpoint, "--region", region, "--output", "json", "s3api", command, "--bucket", name]
        out = subprocess.run(cmd, capture_output=True, text=True)
        if out.returncode != 0:
            return None
        value = json.loads(out.stdout or "{}")
        for key in path:
            if isinstance(value, list):
                value = value[key] if len(value) > key else None
            elif isinstance(value, dict):
                value = value.get(key)
            if value is None:
                return None
        return value

    for lid, props in buckets:
        name = physical.get(lid)
        if not name:
            print(f"  FAIL: {lid} was not created")
            ok = False
            continue
        rows = []
        want = (props.get("VersioningConfiguration") or {}).get("Status")
        if want:
            rows.append(("versioning", want, get("get-bucket-versioning", name, "Status")))
        rules = (props.get("BucketEncryption") or {}).get("ServerSideEncryptionConfiguration") or []
        if rules:
            default = rules[0].get("ServerSideEncryptionByDefault") or {}
            path = ("ServerSideEncryptionConfiguration", "Rules", 0)
            rows.append(("SSE algorithm", default.get("SSEAlgorithm"),
                         get("get-bucket-encryption", name, *path, "ApplyServerSideEncryptionByDefault", "SSEAlgorithm")))
            if "KMSMasterKeyID" in default:
                # The template names the key by reference: it must be the
                # key this stack created.
                key = logical_of_getatt_arn(default["KMSMasterKeyID"])
                got_key = get("get-bucket-encryption", name, *path, "ApplyServerSideEncryptionByDefault", "KMSMasterKeyID")
                want_key = physical.get(key, "?") if key else default["KMSMasterKeyID"]
                rows.append(("SSE key", want_key, got_key.split("/")[-1] if key and got_key else got_key))
            if truthy(rules[0].get("BucketKeyEnabled")):
                got = get("get-bucket-encryption", name, *path, "BucketKeyEnabled")
                rows.append(("bucket key", "True", "True" if got else None))
        block = props.get("PublicAccessBlockConfiguration") or {}
        for key in sorted(block):
            got = get("get-public-access-block", name, "PublicAccessBlockConfiguration", key)
            rows.append((key, str(truthy(block[key])), None if got is None else str(truthy(got))))
        ownership = ((props.get("OwnershipControls") or {}).get("Rules") or [{}])[0].get("ObjectOwnership")
        if ownership:
            rows.append(("object ownership", ownership, get("get-bucket-ownership-controls", name, "OwnershipControls", "Rules", 0, "ObjectOwnership")))
        result = []
        for setting, w, g in rows:
            if g is None:
                gaps.add(setting)
                result.append((setting, w, "(not set)", "gap"))
            elif w == g:
                result.append((setting, w, g, "ok"))
            else:
                ok = False
                result.append((setting, w, g, "MISMATCH"))
        print(f"  {lid} ({name}):")
        table(result, ["setting", "template", "moto", "result"])
    if gaps:
        print(f"  GAP: moto {moto_version()} CloudFormation does not apply these AWS::S3::Bucket settings: "
              f"{', '.join(sorted(gaps))} (cfn-lint and the spec checks still checked them)")
    return PASS if ok else FAIL


COMMANDS = {
    "asg": (cmd_asg, 4, 4),
    "buildspec-command": (cmd_buildspec_command, 2, 2),
    "buildspec-script": (cmd_buildspec_script, 2, 2),
    "s3": (cmd_s3, 4, 4),
    "fanout": (cmd_fanout, 4, 4),
    "moto-template": (cmd_moto_template, 2, 2),
    "plan-summary": (cmd_plan_summary, 1, 1),
    "plan-regions": (cmd_plan_regions, 1, 1),
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
