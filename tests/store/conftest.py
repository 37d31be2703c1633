"""Real servers for the store tests: redis-server on a free loopback port (see tests/servers.py)."""

from tests.servers import own_redis, redis_instance, redis_url  # noqa: F401 (fixtures)
