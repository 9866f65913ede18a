import type { Clock } from "../../clock.js";
import type { Database } from "../../db/client.js";
import { files } from "../../db/schema.js";
import { labelsById } from "../../db/subject-labels.js";
import type { AuditService } from "../audit/index.js";
import type { SilahModule } from "../module.js";
import { createDiskFileStore } from "./file-store.js";
import { createFilesRepository } from "./files.repository.js";
import { filesRoutes } from "./files.routes.js";
import { createFilesService, type FilesService } from "./files.service.js";

export type { FileRow } from "./files.repository.js";
export { presentFile } from "./files.routes.js";
export type { FilesService } from "./files.service.js";

export function createFilesModule(deps: {
  db: Database;
  audit: AuditService;
  clock: Clock;
  dir: string;
  maxBytes: number;
}): SilahModule & { service: FilesService } {
  const service = createFilesService({
    db: deps.db,
    audit: deps.audit,
    clock: deps.clock,
    maxBytes: deps.maxBytes,
    repo: createFilesRepository(),
    store: createDiskFileStore(deps.dir),
  });
  return {
    name: "files",
    service,
    routes: filesRoutes(service),
    auditSubjects: { file: (tx, ids) => labelsById(tx, files, files.id, files.originalName, ids) },
  };
}
export { measureArchive, OffThreadTaskError, readUntrusted } from "./untrusted.js";
