"""`flask doctor`: checks a deployment before the first real call, each problem with its fix."""
