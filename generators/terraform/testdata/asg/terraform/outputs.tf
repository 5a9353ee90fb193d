output "url" {
  description = "Address of the web site."
  value       = "http://${aws_lb.main.dns_name}"
}

output "autoscaling_group_name" {
  description = "Name of the Auto Scaling group."
  value       = aws_autoscaling_group.main.name
}

output "codedeploy_application_name" {
  description = "CodeDeploy application to deploy revisions to."
  value       = aws_codedeploy_app.main.name
}

output "codedeploy_deployment_group_name" {
  description = "CodeDeploy deployment group of the web servers."
  value       = aws_codedeploy_deployment_group.deployment_group.deployment_group_name
}
