"""What the operator watches the line with: its metrics for Prometheus."""
