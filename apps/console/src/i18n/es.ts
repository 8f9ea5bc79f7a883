import type { AppMessages } from './app-en';

/** react-admin's own words in Spanish (those the console shows; any other falls back to English). */
export const raSpanish = {
  ra: {
    action: {
      add_filter: 'Añadir filtro', add: 'Añadir', back: 'Volver', cancel: 'Cancelar', clear_input_value: 'Borrar valor', confirm: 'Confirmar',
      create: 'Crear', create_item: 'Crear %{item}', delete: 'Eliminar', edit: 'Editar', export: 'Exportar', list: 'Lista', refresh: 'Actualizar',
      remove_filter: 'Quitar este filtro', remove_all_filters: 'Quitar todos los filtros', remove: 'Quitar', reset: 'Restablecer', save: 'Guardar',
      search: 'Buscar', search_columns: 'Buscar columnas', select_all: 'Seleccionar todo', select_row: 'Seleccionar esta fila', show: 'Ver',
      sort: 'Ordenar', undo: 'Deshacer', unselect: 'Deseleccionar', expand: 'Expandir', close: 'Cerrar', open_menu: 'Abrir menú',
      close_menu: 'Cerrar menú', update: 'Actualizar', open: 'Abrir', toggle_theme: 'Cambiar modo claro/oscuro', select_columns: 'Columnas',
    },
    boolean: { true: 'Sí', false: 'No', null: ' ' },
    page: {
      create: 'Crear %{name}', dashboard: 'Panel', edit: '%{name} %{recordRepresentation}', error: 'Algo salió mal', list: '%{name}',
      loading: 'Cargando', not_found: 'No encontrado', show: '%{name} %{recordRepresentation}', empty: 'Aún no hay %{name}.',
      invite: '¿Quiere añadir uno?', access_denied: 'Acceso denegado', authentication_error: 'Error de autenticación',
    },
    message: {
      are_you_sure: '¿Está seguro?', details: 'Detalles', error: 'Se produjo un error y no se pudo completar la solicitud.',
      invalid_form: 'El formulario no es válido. Revise los errores', loading: 'Espere, por favor', no: 'No', yes: 'Sí',
      not_found: 'La dirección no existe o el enlace es incorrecto.', unsaved_changes: 'Algunos cambios no se guardaron. ¿Desea descartarlos?',
    },
    navigation: {
      clear_filters: 'Borrar filtros', no_filtered_results: 'No se encontró ningún %{name} con los filtros actuales.', no_results: 'No se encontró ningún %{name}',
      page_out_of_boundaries: 'Página %{page} fuera de rango', page_out_from_end: 'No hay páginas después de la última',
      page_out_from_begin: 'No hay páginas antes de la 1', page_range_info: '%{offsetBegin}-%{offsetEnd} de %{total}',
      partial_page_range_info: '%{offsetBegin}-%{offsetEnd} de más de %{offsetEnd}', current_page: 'Página %{page}', page: 'Ir a la página %{page}',
      first: 'Primera página', last: 'Última página', next: 'Página siguiente', previous: 'Página anterior', page_rows_per_page: 'Filas por página:',
      skip_nav: 'Saltar al contenido',
    },
    sort: { sort_by: 'Ordenar por %{field_lower_first} %{order}', ASC: 'ascendente', DESC: 'descendente' },
    auth: {
      auth_check_error: 'Inicie sesión para continuar', user_menu: 'Perfil', username: 'Usuario', password: 'Contraseña', email: 'Correo electrónico',
      sign_in: 'Iniciar sesión', sign_in_error: 'Error de autenticación, inténtelo de nuevo', logout: 'Cerrar sesión',
    },
    notification: {
      updated: 'Elemento actualizado |||| %{smart_count} elementos actualizados', created: 'Elemento creado',
      deleted: 'Elemento eliminado |||| %{smart_count} elementos eliminados', item_doesnt_exist: 'El elemento no existe',
      http_error: 'Error de comunicación con el servidor', canceled: 'Acción cancelada', logged_out: 'Su sesión terminó, vuelva a iniciarla.',
      not_authorized: 'No tiene permiso para acceder a este recurso.', offline: 'Sin conexión. No se pudieron cargar los datos.',
    },
    validation: {
      required: 'Obligatorio', minLength: 'Debe tener al menos %{min} caracteres', maxLength: 'Debe tener %{max} caracteres o menos',
      minValue: 'Debe ser al menos %{min}', maxValue: 'Debe ser %{max} o menos', number: 'Debe ser un número', email: 'Debe ser un correo válido',
      oneOf: 'Debe ser uno de: %{options}', regex: 'Debe tener el formato %{pattern}', unique: 'Debe ser único',
    },
  },
};

export const appSpanish: AppMessages = {
  resources: {
    claims: {
      name: 'Reclamación |||| Reclamaciones',
      fields: {
        number: 'Reclamación', status: 'Estado', formType: 'Formulario', decision: 'Decisión', 'device.imei': 'IMEI', 'model.name': 'Modelo',
        'customer.name': 'Cliente', 'serviceCentre.name': 'Centro de servicio', ciNumber: 'Número CI', submittedAt: 'Presentada', updatedAt: 'Actualizada',
        modelId: 'Modelo', customerId: 'Cliente', serviceCentreId: 'Centro de servicio', olderThanDays: 'Con más de (días)',
        submittedFrom: 'Presentada desde', submittedTo: 'Presentada hasta',
      },
    },
    invoices: {
      name: 'Factura |||| Facturas',
      fields: {
        number: 'Número', status: 'Estado', 'customer.name': 'Cliente', claimNumber: 'Reclamación', total: 'Importe', issuedOn: 'Emitida el',
        dueOn: 'Vence el', paidOn: 'Pagada el', daysOverdue: 'Vencida', customerId: 'Cliente', issuedFrom: 'Emitida desde', issuedTo: 'Emitida hasta',
        overdueDays: 'Vencida hace al menos (días)',
      },
    },
    orders: { name: 'Pedido |||| Pedidos' },
    devices: { name: 'Dispositivo |||| Dispositivos' },
    stock: { name: 'Existencias |||| Existencias' },
    'stock-movements': { name: 'Movimiento de existencias |||| Movimientos de existencias' },
    customers: { name: 'Cliente |||| Clientes' },
    models: { name: 'Modelo |||| Modelos' },
    parts: { name: 'Pieza |||| Piezas' },
    'service-centres': { name: 'Centro de servicio |||| Centros de servicio' },
    users: { name: 'Usuario |||| Usuarios' },
  },
  app: {
    claims: {
      submit: 'Presentar una reclamación',
      submit_button: 'Presentar la reclamación',
      search: 'Reclamación, número CI o IMEI',
      empty_title: 'Aún no hay reclamaciones',
      empty_explanation: 'Una reclamación empieza con el formulario de reparación o sustitución del cliente para una unidad.',
      none_match: 'Ninguna reclamación coincide con estos filtros.',
      submitted_on: 'presentada el %{date}',
    },
    invoices: {
      search: 'Número de factura',
      unpaid: 'Sin pagar',
      overdue_days: 'Vencida hace %{smart_count} día |||| Vencida hace %{smart_count} días',
      not_due: 'Aún no vencida',
      export: 'Exportar CSV',
      pdf: 'PDF',
      dates: 'Fechas',
      lines: 'Líneas',
      line: 'Línea',
      clauses: 'Cláusulas',
      quantity: 'Cant.',
      amount: 'Importe',
      total: 'Total',
      open_claim: 'Abrir la reclamación',
      draft: 'Borrador de factura',
      status: { DRAFT: 'Borrador', ISSUED: 'Emitida', PAID: 'Pagada', VOID: 'Anulada' },
    },
    devices: {
      create_claim: 'Crear una reclamación',
      covered: 'En garantía',
      not_covered: 'Fuera de garantía',
      not_received: 'Garantía no iniciada',
    },
    user: {
      profile: 'Perfil',
      change_password: 'Cambiar la contraseña',
      current_password: 'Contraseña actual',
      new_password: 'Nueva contraseña',
      password_changed: 'Su contraseña se ha cambiado',
      language: 'Idioma',
      theme: 'Tema',
      light: 'Claro',
      dark: 'Oscuro',
      name: 'Nombre',
      email: 'Correo electrónico',
      role: 'Rol',
      close: 'Cerrar',
    },
  },
};
