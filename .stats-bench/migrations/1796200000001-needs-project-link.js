/**
 * A need linked to a project 民生项目 is served by the project (docs/projects.md): it leaves the open feed and
 * cannot be claimed or dispatched one by one. The link belongs to the needs module.
 */
export class NeedsProjectLink1796200000001 {
    name = 'NeedsProjectLink1796200000001';
    async up(q) {
        await q.query(`ALTER TABLE needs ADD COLUMN project_id uuid REFERENCES projects(id)`);
        await q.query(`CREATE INDEX needs_project_idx ON needs (project_id) WHERE project_id IS NOT NULL`);
    }
    async down(q) {
        await q.query(`DROP INDEX needs_project_idx`);
        await q.query(`ALTER TABLE needs DROP COLUMN project_id`);
    }
}
//# sourceMappingURL=1796200000001-needs-project-link.js.map