-- Reading the service's health details, metrics and Prometheus scrape; super_admin holds it by default.
INSERT INTO permissions (name, resource, action, description)
VALUES ('ops:read', 'ops', 'read', 'Read health details, metrics and the operations API');
