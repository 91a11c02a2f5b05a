import { Injectable } from '@nestjs/common';
import { forbidden, notFound } from '../common/errors.js';
import { isUuid } from '../common/ids.js';
import { maskIdNumber, maskName, maskPhone } from '../privacy/mask.js';
import { PiiCipher } from '../privacy/pii-cipher.js';
import { Actor } from '../scope/actor.js';
import { PeopleRepository, PersonRow } from './people.repository.js';
import { personAccess } from './person-access.js';
import { Person } from './person.model.js';

export const ID_NUMBER_FIELD = 'id_number';

@Injectable()
export class PeopleService {
  constructor(
    private readonly repo: PeopleRepository,
    private readonly cipher: PiiCipher,
  ) {}

  /** The person as `actor` may see them; null when the actor may not see them at all. */
  view(actor: Actor, row: PersonRow): Person | null {
    const access = personAccess(actor, row.id, row.paths);
    if (access.view === 'NONE') return null;
    const masked = access.view === 'MASKED';
    return {
      id: row.id,
      name: masked ? maskName(row.name) : row.name,
      phone: masked ? maskPhone(row.phone) : row.phone,
      address: masked ? null : row.address,
      masked,
      gridId: row.grid_id,
      access,
      idNumberCipher: row.id_number_cipher,
    };
  }

  /** The masked view (王*, 138****0001, no address), for people a viewer meets through a task, e.g. the volunteer serving them. */
  maskedView(row: PersonRow): Person {
    return {
      id: row.id,
      name: maskName(row.name),
      phone: maskPhone(row.phone),
      address: null,
      masked: true,
      gridId: row.grid_id,
      access: { view: 'MASKED', idNumber: 'NONE', logIdNumberRead: false },
      idNumberCipher: null,
    };
  }

  async get(actor: Actor, id: string): Promise<Person> {
    const [row] = isUuid(id) ? await this.repo.byIds([id]) : [];
    if (!row) throw notFound('人员');
    const person = this.view(actor, row);
    if (!person) throw forbidden('无权查看该人员');
    return person;
  }

  /** Decrypts the ID number if the viewer may see it, masking or withholding it otherwise; staff reads are logged. */
  async idNumber(viewerId: string | undefined, person: Person): Promise<string | null> {
    if (!person.idNumberCipher || person.access.idNumber === 'NONE') return null;
    const plain = this.cipher.decrypt(person.idNumberCipher, ID_NUMBER_FIELD);
    if (person.access.idNumber === 'MASKED') return maskIdNumber(plain);
    if (person.access.logIdNumberRead && viewerId) await this.repo.logPiiAccess(viewerId, person.id, ID_NUMBER_FIELD, 'graphql:Person.idNumber');
    return plain;
  }
}
