import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** A person: resident, volunteer or staff. ID numbers are stored only encrypted, with a keyed lookup hash. */
@Entity('persons')
export class PersonEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column() name: string;
  @Column() phone: string;
  @Column({ name: 'password_hash', type: 'text', nullable: true, select: false }) passwordHash: string | null;
  @Column({ name: 'id_number_cipher', type: 'bytea', nullable: true }) idNumberCipher: Buffer | null;
  @Column({ name: 'id_number_hash', type: 'bytea', nullable: true }) idNumberHash: Buffer | null;
  @Column({ name: 'birth_date', type: 'date', nullable: true }) birthDate: string | null;
  @Column({ type: 'text', nullable: true }) address: string | null;
  @Column({ name: 'grid_id', type: 'uuid', nullable: true }) gridId: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
