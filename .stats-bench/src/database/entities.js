import { PersonEntity } from '../people/person.entity.js';
import { RegionEntity } from '../regions/region.entity.js';
import { RoleGrantEntity } from '../scope/role-grant.entity.js';
/** Every TypeORM entity of the app. */
export const entities = [RegionEntity, PersonEntity, RoleGrantEntity];
//# sourceMappingURL=entities.js.map