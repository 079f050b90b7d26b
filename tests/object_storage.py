"""A real S3 endpoint for tests (moto's server), and a fresh private bucket per test that wants
one: uploads then go to object storage as in production with AWS_STORAGE_BUCKET_NAME set."""

import uuid

import boto3
import pytest
from moto.server import ThreadedMotoServer


@pytest.fixture(scope="session")
def s3_endpoint():
    """moto's S3 server on a free port of this machine, for the whole run."""
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    yield f"http://{host}:{port}"
    server.stop()


@pytest.fixture
def s3_storage(settings, s3_endpoint):
    """Uploads go to a fresh private bucket on the S3 endpoint, as in production with
    AWS_STORAGE_BUCKET_NAME set. Returns the boto3 client, to look at the bucket directly."""
    bucket = f"vif-test-{uuid.uuid4().hex[:12]}"
    credentials = {"aws_access_key_id": "test", "aws_secret_access_key": "test"}
    client = boto3.client("s3", endpoint_url=s3_endpoint, region_name="us-east-1", **credentials)
    client.create_bucket(Bucket=bucket)
    options = {
        "bucket_name": bucket,
        "endpoint_url": s3_endpoint,
        "region_name": "us-east-1",
        "access_key": "test",
        "secret_key": "test",
        "default_acl": None,
        "querystring_auth": True,
        "querystring_expire": 21600,
        "file_overwrite": False,
    }
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "storages.backends.s3.S3Storage", "OPTIONS": options},
    }
    # As settings/base.py chooses with a bucket: private files leave by a signed address.
    settings.PROTECTED_FILES_SEND = "redirect"
    client.bucket = bucket
    return client


def bucket_keys(client):
    listing = client.list_objects_v2(Bucket=client.bucket)
    return sorted(item["Key"] for item in listing.get("Contents", []))
