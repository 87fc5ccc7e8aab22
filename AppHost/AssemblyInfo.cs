// Postgres and RabbitMQ run from Debian's packages as their system users (setpriv, chown): Linux only.
[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]
